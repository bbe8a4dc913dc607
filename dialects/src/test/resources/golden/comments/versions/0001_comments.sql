-- revision: 0001_comments
-- revises: base
-- message: comments on every kind of object

-- +upgrade
CREATE SCHEMA app;
CREATE TABLE app.users (id INTEGER PRIMARY KEY, email TEXT CONSTRAINT users_email_key UNIQUE, name TEXT);
CREATE INDEX ix_users_name ON app.users (name);
CREATE SEQUENCE order_numbers;
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE VIEW active_users AS SELECT id FROM app.users;
CREATE MATERIALIZED VIEW app.stats AS SELECT count(*) AS n FROM app.users;
CREATE FUNCTION app.touch(integer, text) RETURNS integer LANGUAGE sql AS 'SELECT $1';
CREATE FUNCTION now_utc() RETURNS timestamp LANGUAGE sql AS $$SELECT now() AT TIME ZONE 'utc'$$;
CREATE PROCEDURE archive(date) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION app.users_touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.users_touch();
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON app.users USING (true);
CREATE EXTENSION IF NOT EXISTS pgcrypto;
COMMENT ON TABLE app.users IS 'People who sign in';
COMMENT ON COLUMN app.users.email IS 'lower-case, unique';
COMMENT ON COLUMN app.users.name IS 'it''s shown';
COMMENT ON INDEX app.ix_users_name IS 'for search';
COMMENT ON VIEW active_users IS 'users seen this month';
COMMENT ON MATERIALIZED VIEW app.stats IS 'nightly';
COMMENT ON SEQUENCE order_numbers IS 'one per order';
COMMENT ON TYPE mood IS 'how it went';
COMMENT ON DOMAIN positive IS 'above zero';
COMMENT ON SCHEMA app IS 'the application';
COMMENT ON EXTENSION pgcrypto IS 'gen_random_uuid';
COMMENT ON FUNCTION app.touch(integer, text) IS 'returns its first argument';
COMMENT ON FUNCTION now_utc() IS 'no arguments';
COMMENT ON FUNCTION app.users_touch IS 'not overloaded';
COMMENT ON PROCEDURE archive(date) IS 'moves old rows';
COMMENT ON TRIGGER users_touch ON app.users IS 'before update';
COMMENT ON CONSTRAINT users_email_key ON app.users IS 'one account per address';
COMMENT ON POLICY own_rows ON app.users IS 'sees its own rows';
COMMENT ON COLUMN app.users.name IS NULL;
COMMENT ON TYPE mood IS NULL;

-- +downgrade
COMMENT ON TABLE app.users IS NULL;
DROP EXTENSION pgcrypto;
DROP TRIGGER users_touch ON app.users;
DROP FUNCTION app.users_touch();
DROP PROCEDURE archive(date);
DROP FUNCTION now_utc();
DROP FUNCTION app.touch(integer, text);
DROP MATERIALIZED VIEW app.stats;
DROP VIEW active_users;
DROP DOMAIN positive;
DROP TYPE mood;
DROP SEQUENCE order_numbers;
DROP TABLE app.users;
DROP SCHEMA app;
