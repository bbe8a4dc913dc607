UPDATE users SET active = true WHERE active IS NULL;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$
        BEGIN
          RETURN NEW;
        END $$ LANGUAGE plpgsql;

-- +dialect postgresql
CLUSTER users USING users_pkey
-- +end
