\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_changes (postgresql)
-- from: base
-- to: 0002_changes
-- version table: alembic_version
-- sources: sha256:bef64c193b4103f8fe798960a38ed5803b01c445832996a4316055cffc0787d0 over 2 revision files

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

-- Running upgrade  -> 0001_accounts, accounts

CREATE TABLE accounts (
    id int,
    status text,
    n int NOT NULL DEFAULT 0,
    meta jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (id)
);

INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');

INSERT INTO alembic_version (version_num) VALUES ('0001_accounts');

-- Running upgrade 0001_accounts -> 0002_changes, data changes

UPDATE accounts SET status = 'closed', meta = meta || '{"why": "?"}'::jsonb WHERE meta ? 'closed';

UPDATE accounts SET n = n + 1;

DELETE FROM accounts WHERE status = 'closed';

DELETE FROM accounts;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_changes' WHERE alembic_version.version_num = '0001_accounts';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_accounts -> 0002_changes changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
