\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0002_ok_mood -> base (postgresql)
-- from: 0002_ok_mood
-- to: base
-- version table: alembic_version
-- sources: sha256:64534a5d6d2c1ba20e772a2d7633336ccdba7ce3626c33d3e2c4116a6c0e2221 over 2 revision files
-- run: 05541d81e78fea59ccb5398149bb5f2686048c1d2d928950b3a57109ca933fd4 (2 segments, progress in strata_progress)

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
            INTO done USING '05541d81e78fea59ccb5398149bb5f2686048c1d2d928950b3a57109ca933fd4';
    END IF;
    IF done NOT BETWEEN 0 AND 1 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 2 segments done for run 05541d81e78fea59ccb5398149bb5f2686048c1d2d928950b3a57109ca933fd4', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN ARRAY['0002_ok_mood']::text[]
        WHEN 1 THEN ARRAY['0002_ok_mood']::text[]
    END;
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_ok_mood]',
                '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
        END IF;
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 2, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 2', done;
    END IF;
END
$strata$;

-- segment 1 of 2 (no transaction): 0002_ok_mood
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 2 already done, skipped'
\else
\echo 'strata: segment 1 of 2'

-- Running downgrade 0002_ok_mood -> 0001_people, a new enum value, used at once

DROP INDEX CONCURRENTLY ix_people_mood;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('05541d81e78fea59ccb5398149bb5f2686048c1d2d928950b3a57109ca933fd4', 1);

\endif

-- segment 2 of 2 (one transaction): 0002_ok_mood, 0001_people
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 2 already done, skipped'
\else
\echo 'strata: segment 2 of 2'

BEGIN;

DELETE FROM people WHERE id = 1;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_people' WHERE alembic_version.version_num = '0002_ok_mood';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_ok_mood -> 0001_people changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_people -> , people with a mood

DROP TABLE people;

DROP TYPE mood;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_people';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_people changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '05541d81e78fea59ccb5398149bb5f2686048c1d2d928950b3a57109ca933fd4';

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
