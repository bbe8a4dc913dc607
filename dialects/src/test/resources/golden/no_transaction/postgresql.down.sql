\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0003_last -> base (postgresql)
-- from: 0003_last
-- to: base
-- version table: alembic_version
-- sources: sha256:8dd638618c6cb3ea31f723e4dbdb5180579b44ccc1eec792fea5445efb90bcb4 over 3 revision files
-- run: ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486 (4 segments, progress in strata_progress)

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
            INTO done USING 'ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486';
    END IF;
    IF done NOT BETWEEN 0 AND 3 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 4 segments done for run ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN ARRAY['0003_last']::text[]
        WHEN 1 THEN ARRAY['0003_last']::text[]
        WHEN 2 THEN ARRAY['0002_mid']::text[]
        WHEN 3 THEN ARRAY['0002_mid']::text[]
    END;
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0003_last]',
                '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
        END IF;
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 4, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 4', done;
    END IF;
END
$strata$;

-- segment 1 of 4 (no transaction): 0003_last
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 4 already done, skipped'
\else
\echo 'strata: segment 1 of 4'

-- Running downgrade 0003_last -> 0002_mid, ends outside a transaction

DROP INDEX ix_t_z;

DROP INDEX CONCURRENTLY ix_t_w;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486', 1);

\endif

-- segment 2 of 4 (one transaction): 0003_last, 0002_mid
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 4 already done, skipped'
\else
\echo 'strata: segment 2 of 4'

BEGIN;

ALTER TABLE t DROP z;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0003_last';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_last -> 0002_mid changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0002_mid -> 0001_t, starts outside a transaction

ALTER TABLE t DROP w;

INSERT INTO strata_progress (run_id, segment) VALUES ('ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486', 2);

COMMIT;

\endif

-- segment 3 of 4 (no transaction): 0002_mid
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 4 already done, skipped'
\else
\echo 'strata: segment 3 of 4'

DROP INDEX CONCURRENTLY ix_t_id;

INSERT INTO strata_progress (run_id, segment) VALUES ('ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486', 3);

\endif

-- segment 4 of 4 (one transaction): 0002_mid, 0001_t
SELECT current_setting('strata.segments_done')::integer >= 4 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 4 of 4 already done, skipped'
\else
\echo 'strata: segment 4 of 4'

BEGIN;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_t' WHERE alembic_version.version_num = '0002_mid';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_mid -> 0001_t changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_t -> , t

DROP TABLE t;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_t';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_t changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = 'ff0dbfd4db049ca655fdfc8034b0f7d33b39cbb0f356a000e0a3ee78e7e8c486';

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
