\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_ok_mood (postgresql)
-- from: base
-- to: 0002_ok_mood
-- version table: alembic_version
-- sources: sha256:cac16d9c9f13306073390fabd4a4cdbe85c13465baaee9599e607d17721ad983 over 2 revision files
-- run: 459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc (5 segments, progress in strata_progress)

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
            INTO done USING '459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc';
    END IF;
    IF done NOT BETWEEN 0 AND 4 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 5 segments done for run 459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_people']::text[]
        WHEN 2 THEN ARRAY['0001_people']::text[]
        WHEN 3 THEN ARRAY['0001_people']::text[]
        WHEN 4 THEN ARRAY['0001_people']::text[]
    END;
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
                '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
        END IF;
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 5, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 5', done;
    END IF;
END
$strata$;

-- segment 1 of 5 (one transaction): 0001_people
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 5 already done, skipped'
\else
\echo 'strata: segment 1 of 5'

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_people, people with a mood

CREATE TYPE mood AS ENUM ('sad', 'happy');

CREATE TABLE people (
    id int,
    name text NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE people ADD COLUMN mood mood;

INSERT INTO alembic_version (version_num) VALUES ('0001_people');

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc', 1);

COMMIT;

\endif

-- segment 2 of 5 (no transaction): 0002_ok_mood
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 5 already done, skipped'
\else
\echo 'strata: segment 2 of 5'

-- Running upgrade 0001_people -> 0002_ok_mood, a new enum value, used at once

ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';

INSERT INTO strata_progress (run_id, segment) VALUES ('459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc', 2);

\endif

-- segment 3 of 5 (one transaction): 0002_ok_mood
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 5 already done, skipped'
\else
\echo 'strata: segment 3 of 5'

BEGIN;

INSERT INTO people (id, name, mood) VALUES (1, 'Ada', 'ok');

INSERT INTO strata_progress (run_id, segment) VALUES ('459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc', 3);

COMMIT;

\endif

-- segment 4 of 5 (no transaction): 0002_ok_mood
SELECT current_setting('strata.segments_done')::integer >= 4 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 4 of 5 already done, skipped'
\else
\echo 'strata: segment 4 of 5'

CREATE INDEX CONCURRENTLY ix_people_mood ON people (mood);
REINDEX INDEX CONCURRENTLY ix_people_mood;

INSERT INTO strata_progress (run_id, segment) VALUES ('459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc', 4);

\endif

-- segment 5 of 5 (one transaction): 0002_ok_mood
SELECT current_setting('strata.segments_done')::integer >= 5 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 5 of 5 already done, skipped'
\else
\echo 'strata: segment 5 of 5'

BEGIN;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_ok_mood' WHERE alembic_version.version_num = '0001_people';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_people -> 0002_ok_mood changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '459f93ccbbfa8e5daad6735c169486f961c0558eb1e937cee9c0285714c828fc';

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
