\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_enum_types (postgresql)
-- from: base
-- to: 0001_enum_types
-- version table: alembic_version
-- sources: sha256:2f19e582650fead1d411085c088e01e5a543af0afd2d9aa571421e837967d291 over 1 revision file
-- run: 7d0be3a055d3457743dfd1ba75c8a34bb8ca6479391a0ac8d9aa40dba1e7fb51 (2 segments, progress in strata_progress)

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
            INTO done USING '7d0be3a055d3457743dfd1ba75c8a34bb8ca6479391a0ac8d9aa40dba1e7fb51';
    END IF;
    IF done NOT BETWEEN 0 AND 1 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 2 segments done for run 7d0be3a055d3457743dfd1ba75c8a34bb8ca6479391a0ac8d9aa40dba1e7fb51', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN '{}'::text[]
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
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 2, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 2', done;
    END IF;
END
$strata$;

-- segment 1 of 2 (one transaction): 0001_enum_types
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 2 already done, skipped'
\else
\echo 'strata: segment 1 of 2'

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_enum_types, enum types and their values in order

CREATE SCHEMA app;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s great');

CREATE TYPE app.empty_enum AS ENUM ();

CREATE TYPE app.level AS ENUM ('low', 'high');

ALTER TYPE app.level ADD VALUE 'medium' BEFORE 'high';

ALTER TYPE app.level ADD VALUE IF NOT EXISTS 'top' AFTER 'high';

ALTER TYPE app.level ADD VALUE IF NOT EXISTS 'low';

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('7d0be3a055d3457743dfd1ba75c8a34bb8ca6479391a0ac8d9aa40dba1e7fb51', 1);

COMMIT;

\endif

-- segment 2 of 2 (one transaction): 0001_enum_types
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 2 already done, skipped'
\else
\echo 'strata: segment 2 of 2'

BEGIN;

ALTER TYPE app.level RENAME VALUE 'top' TO 'highest';

ALTER TYPE mood RENAME TO feeling;

ALTER TYPE app.empty_enum RENAME TO nothing;

CREATE TYPE pair AS (a integer, b text);

CREATE DOMAIN positive AS integer CHECK (VALUE > 0);

INSERT INTO alembic_version (version_num) VALUES ('0001_enum_types');

DELETE FROM strata_progress WHERE run_id = '7d0be3a055d3457743dfd1ba75c8a34bb8ca6479391a0ac8d9aa40dba1e7fb51';

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
