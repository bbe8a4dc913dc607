\set ON_ERROR_STOP on
\encoding UTF8
-- strata 0.1.0: stamp 0015_lrs_payment_settlement -> 0016_lrs_credited_signal (postgresql)
-- from: 0015_lrs_payment_settlement
-- to: 0016_lrs_credited_signal
-- version table: alembic_version
-- stamp: sets the version table without running any revision; refuses unless it holds [0015_lrs_payment_settlement]

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
    expected text[] := ARRAY['0015_lrs_payment_settlement']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0015_lrs_payment_settlement]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']'
            USING HINT = 'if the schema is at the target revision, stamp from the rows the table holds (strata stamp FROM:REV) or replace them (strata stamp --purge REV)';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running stamp_revision 0015_lrs_payment_settlement -> 0016_lrs_credited_signal

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0016_lrs_credited_signal' WHERE alembic_version.version_num = '0015_lrs_payment_settlement';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0015_lrs_payment_settlement -> 0016_lrs_credited_signal changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
