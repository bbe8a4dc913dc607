-- revision: 0003_add_email
-- revises: 0002_create_payments
-- message: add email to users
-- branch: ledger
-- depends-on: 0001_x

-- +upgrade
ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT '';
CREATE INDEX ix_users_email ON users (email);

-- +no-transaction
CREATE INDEX CONCURRENTLY ix_a ON t (a);

-- +dialect postgresql
CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.x := 1; RETURN NEW; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
-- +end

-- +downgrade
DROP INDEX ix_users_email;
ALTER TABLE users DROP COLUMN email;
