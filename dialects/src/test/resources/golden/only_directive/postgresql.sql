\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_postgres_only (postgresql)
-- from: base
-- to: 0002_postgres_only
-- version table: alembic_version
-- sources: sha256:aabfa248857e0495265bb6ad897c6dfd52048a12f3a40cae82a01f31632371bf over 2 revision files

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

-- Running upgrade  -> 0001_only, statements for some dialects only

CREATE TABLE people (
    id bigint,
    email varchar(200) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_people_email_lower ON people((lower(email)));

-- skipped: line 10 is only for mariadb, mysql

COMMENT ON TABLE people IS 'everyone';

INSERT INTO alembic_version (version_num) VALUES ('0001_only');

-- Running upgrade 0001_only -> 0002_postgres_only, a revision that does nothing outside PostgreSQL, on purpose

CREATE SCHEMA audit;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_postgres_only' WHERE alembic_version.version_num = '0001_only';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_only -> 0002_postgres_only changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
