\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0002_alter -> base (postgresql)
-- from: 0002_alter
-- to: base
-- version table: alembic_version
-- sources: sha256:601eecb4c2822b89a279838e07df226eac04a756d7b7bcab1a737337119ede59 over 2 revision files

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
    expected text[] := ARRAY['0002_alter']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_alter]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0002_alter -> 0001_tables, every ALTER TABLE action

ALTER TABLE customer_accounts RENAME TO accounts;

ALTER TABLE accounts DROP CONSTRAINT ck_balance;

ALTER TABLE accounts DROP created_at;

ALTER TABLE accounts DROP seq;

ALTER TABLE accounts DROP note;

ALTER TABLE accounts DROP owner_id;

ALTER TABLE accounts ALTER COLUMN balance TYPE int USING (balance * 100)::integer;

ALTER TABLE accounts ALTER email TYPE varchar(100);

ALTER TABLE accounts ALTER email SET NOT NULL;

ALTER TABLE accounts ALTER full_name DROP NOT NULL;

ALTER TABLE accounts RENAME COLUMN full_name TO name;

ALTER TABLE accounts ADD status text;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_tables' WHERE alembic_version.version_num = '0002_alter';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_alter -> 0001_tables changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_tables -> , tables

DROP TABLE owners;

DROP TABLE accounts;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_tables';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_tables changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
