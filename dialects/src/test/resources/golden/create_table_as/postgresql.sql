\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_create_table_as (postgresql)
-- from: base
-- to: 0001_create_table_as
-- version table: alembic_version
-- sources: sha256:7f7f6429fb960f5e0970593bd2886d61e898e5671240582e46dec8f64c0e0dd7 over 1 revision file

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

-- Running upgrade  -> 0001_create_table_as, tables made from queries, with and without data

CREATE TABLE accounts (
    id bigint,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    PRIMARY KEY (id)
);

INSERT INTO accounts (id, name, active) VALUES (1, 'a', true), (2, 'b', false);

CREATE TABLE active_accounts AS SELECT id, name FROM accounts WHERE active;

CREATE TABLE IF NOT EXISTS account_names WITH (fillfactor = 80) AS SELECT name FROM accounts WITH NO DATA;

CREATE UNLOGGED TABLE account_copy AS TABLE accounts;

CREATE TABLE recent AS WITH r AS (SELECT id FROM accounts ORDER BY id DESC LIMIT 1) SELECT * FROM r;

CREATE TABLE pairs AS VALUES (1, 'one'), (2, 'two');

INSERT INTO alembic_version (version_num) VALUES ('0001_create_table_as');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
