\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0004_cancel -> base (postgresql)
-- from: 0004_cancel
-- to: base
-- version table: alembic_version
-- sources: sha256:4adf6d1d657062e5c5c3ffea9a249e4e96999751eed5200e63d251e6ec3edd99 over 4 revision files

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
    expected text[] := ARRAY['0004_cancel']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0004_cancel]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0004_cancel -> 0003_cancelled, the value used in the next revision

UPDATE orders SET status = 'paid' WHERE id = 3;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_cancelled' WHERE alembic_version.version_num = '0004_cancel';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0004_cancel -> 0003_cancelled changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0003_cancelled -> 0002_shipped, a value added last in its revision

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_shipped' WHERE alembic_version.version_num = '0003_cancelled';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_cancelled -> 0002_shipped changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0002_shipped -> 0001_status, values used in the revision that adds them

DELETE FROM orders WHERE id = 4;

UPDATE orders SET status = 'paid' WHERE status IN ('shipped', 'cancelled');

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_status' WHERE alembic_version.version_num = '0002_shipped';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_shipped -> 0001_status changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_status -> , orders with a status

DROP TABLE orders;

DROP TYPE order_status;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_status';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_status changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
