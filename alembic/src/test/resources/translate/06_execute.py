op.execute("UPDATE users SET active = true WHERE active IS NULL")
op.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
op.execute("""
    CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$
    BEGIN
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
""")
op.execute("CLUSTER users USING users_pkey")
