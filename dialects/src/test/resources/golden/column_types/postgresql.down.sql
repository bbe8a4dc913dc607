\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0002_change_types -> base (postgresql)
-- from: 0002_change_types
-- to: base
-- version table: alembic_version
-- sources: sha256:cf04a8a1a1a8da2f0ed969b119b87bdd81f5f84df33b15bf0c068f0ad639db2d over 2 revision files

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
    expected text[] := ARRAY['0002_change_types']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_change_types]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0002_change_types -> 0001_every_type, types in ADD COLUMN and ALTER COLUMN TYPE

ALTER TABLE every_type ALTER a_char TYPE char;

ALTER TABLE every_type ALTER COLUMN a_uuid TYPE uuid USING a_uuid::uuid;

ALTER TABLE every_type ALTER COLUMN a_json TYPE json USING a_json::json;

ALTER TABLE every_type ALTER a_time_p TYPE time(3);

ALTER TABLE every_type ALTER COLUMN a_timestamp TYPE timestamp USING a_timestamp AT TIME ZONE 'UTC';

ALTER TABLE every_type ALTER a_real TYPE real;

ALTER TABLE every_type ALTER a_numeric TYPE numeric;

ALTER TABLE every_type ALTER a_text TYPE text;

ALTER TABLE every_type ALTER a_varchar_n TYPE varchar(255);

ALTER TABLE every_type ALTER a_int2 TYPE smallint;

ALTER TABLE every_type ALTER a_int TYPE int;

ALTER TABLE every_type DROP b_timestamptz;

ALTER TABLE every_type DROP b_time;

ALTER TABLE every_type DROP b_char_n;

ALTER TABLE every_type DROP b_decimal;

ALTER TABLE every_type DROP b_int8;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_every_type' WHERE alembic_version.version_num = '0002_change_types';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_change_types -> 0001_every_type changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_every_type -> , every column type, every spelling

DROP TABLE every_type;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_every_type';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_every_type changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
