\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0001_docs -> base (postgresql)
-- from: 0001_docs
-- to: base
-- version table: alembic_version
-- sources: sha256:ceb08e7bb52b2539f9100118a1717c96b25a6ad36dc876a0b4a974bfcbd7c389 over 1 revision file

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
    expected text[] := ARRAY['0001_docs']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0001_docs]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0001_docs -> , || of two JSON columns (no cast says so: the model does) and of two texts

DROP TABLE docs;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_docs';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_docs changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
