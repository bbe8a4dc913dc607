\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0003_after -> base (postgresql)
-- from: 0003_after
-- to: base
-- version table: alembic_version
-- sources: sha256:cadcd766cf0a9ac5101b4178ba38f50547e75407d8073ffef36a772941b2115e over 3 revision files
-- run: 50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a (3 segments, progress in strata_progress)

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
    done integer := 0;
    expected text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('strata_progress') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(max(segment), 0) FROM strata_progress WHERE run_id = $1'
            INTO done USING '50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run 50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN ARRAY['0003_after']::text[]
        WHEN 1 THEN ARRAY['0002_timeouts']::text[]
        WHEN 2 THEN ARRAY['0002_timeouts']::text[]
    END;
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0003_after]',
                '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
        END IF;
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 3, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 3', done;
    END IF;
END
$strata$;

-- segment 1 of 3 (one transaction): 0003_after, 0002_timeouts
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 3 already done, skipped'
\else
\echo 'strata: segment 1 of 3'

BEGIN;

-- Running downgrade 0003_after -> 0002_timeouts, the script's own settings are back

DROP TABLE z;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_timeouts' WHERE alembic_version.version_num = '0003_after';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_after -> 0002_timeouts changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0002_timeouts -> 0001_table, timeouts for this revision's statements only

SET lock_timeout = '3s';

ALTER TABLE t DROP note;

RESET lock_timeout;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0002_timeouts
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

SET lock_timeout = '3s';

DROP INDEX CONCURRENTLY ix_t_id;

RESET lock_timeout;

INSERT INTO strata_progress (run_id, segment) VALUES ('50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a', 2);

\endif

-- segment 3 of 3 (one transaction): 0002_timeouts, 0001_table
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 3 already done, skipped'
\else
\echo 'strata: segment 3 of 3'

BEGIN;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_table' WHERE alembic_version.version_num = '0002_timeouts';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_timeouts -> 0001_table changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_table -> , a table, and the settings the script runs under, recorded

DROP TABLE script_settings;

DROP TABLE t;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_table';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_table changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '50315356e4dd12979b785ccff9c6f6328ca6db1a936004906d5719eb546bf80a';

DO $strata$
BEGIN
    IF NOT EXISTS (SELECT 1 AS one FROM strata_progress) THEN
        DROP TABLE strata_progress;
    END IF;
END
$strata$;

COMMIT;

\endif

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
