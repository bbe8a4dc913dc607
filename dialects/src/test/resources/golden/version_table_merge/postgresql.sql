\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0004_merge (postgresql)
-- from: base
-- to: 0004_merge
-- version table: alembic_version
-- sources: sha256:84d12372e00f0b910f864ca1776061a3af10789ac7eddddddbeb98672237d924 over 4 revision files

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

-- Running upgrade  -> 0001_account, create account

CREATE TABLE account (
    id int,
    name text,
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_account');

-- Running upgrade 0001_account -> 0003_cart, create cart

CREATE TABLE cart (
    id int,
    PRIMARY KEY (id)
);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_cart' WHERE alembic_version.version_num = '0001_account';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_account -> 0003_cart changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running upgrade 0001_account -> 0002_last_tx, add last_tx

ALTER TABLE account ADD last_tx timestamp;

INSERT INTO alembic_version (version_num) VALUES ('0002_last_tx');

-- Running upgrade 0002_last_tx, 0003_cart -> 0004_merge, merge

UPDATE account SET name = 'x' WHERE name IS NULL;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0002_last_tx';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0002_last_tx changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0004_merge' WHERE alembic_version.version_num = '0003_cart';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_cart -> 0004_merge changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
