\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_comments (postgresql)
-- from: base
-- to: 0001_comments
-- version table: alembic_version
-- sources: sha256:95cd2ff75871e42a08a327c2710402f67d34f167eb38f074416359d1d3a19c3c over 1 revision file

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(4896247922164608825) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1139996555 AND objid::bigint = 886943545
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 4896247922164608825 of alembic_version is held by the session with pid %',
            coalesce(holder, 'unknown')
            USING HINT = 'wait until that script has finished, then run this one again';
    END IF;
END
$strata$;

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_comments, comments on every kind of object

CREATE SCHEMA app;

CREATE TABLE app.users (
    id int,
    email text,
    name text,
    PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE INDEX ix_users_name ON app.users(name);

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

COMMENT ON COLUMN app.users.name IS '';

COMMENT ON TYPE mood IS NULL;

INSERT INTO alembic_version (version_num) VALUES ('0001_comments');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
