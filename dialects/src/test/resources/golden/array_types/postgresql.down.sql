\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0002_change_arrays -> base (postgresql)
-- from: 0002_change_arrays
-- to: base
-- version table: alembic_version
-- sources: sha256:ebb02ef790f967a5670de3c175318874d9b8705fa56097b8eca8987664628996 over 2 revision files

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
    expected text[] := ARRAY['0002_change_arrays']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_change_arrays]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0002_change_arrays -> 0001_arrays, array columns added and changed

ALTER TABLE tagged ALTER prices TYPE numeric(10, 2)[];

ALTER TABLE tagged ALTER COLUMN scores TYPE int[] USING scores::INTEGER[];

ALTER TABLE tagged DROP labels;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_arrays' WHERE alembic_version.version_num = '0002_change_arrays';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_change_arrays -> 0001_arrays changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_arrays -> , array columns of every spelling

DROP TABLE tagged;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_arrays';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_arrays changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
