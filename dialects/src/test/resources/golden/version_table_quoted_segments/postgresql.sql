\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_next (postgresql)
-- from: base
-- to: 0002_next
-- version table: "O'ps"."Schema 100% Versions"
-- sources: sha256:239ac19db1a119f965385f9be24d7f0d709280c8576b4b54de90aae6e3a205a8 over 2 revision files
-- run: 1e0edf0a487b27b066225dca16cba017dfde0dc8f01575fe9f17d984dcd47346 (2 segments, progress in "O'ps".strata_progress)

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(6540281481445772849) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1522777947 AND objid::bigint = 10751537
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 6540281481445772849 of "O''ps"."Schema 100%% Versions" is held by the session with pid %',
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
    IF to_regclass('"O''ps".strata_progress') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(max(segment), 0) FROM "O''ps".strata_progress WHERE run_id = $1'
            INTO done USING '1e0edf0a487b27b066225dca16cba017dfde0dc8f01575fe9f17d984dcd47346';
    END IF;
    IF done NOT BETWEEN 0 AND 1 THEN
        RAISE EXCEPTION 'strata: "O''ps".strata_progress records % of 2 segments done for run 1e0edf0a487b27b066225dca16cba017dfde0dc8f01575fe9f17d984dcd47346', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_init']::text[]
    END;
    IF to_regclass('"O''ps"."Schema 100% Versions"') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM "O''ps"."Schema 100% Versions"'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: "O''ps"."Schema 100%% Versions" holds % but this script starts from [base]',
                '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
        END IF;
        RAISE EXCEPTION 'strata: "O''ps"."Schema 100%% Versions" holds % but this script, resuming after segment % of 2, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 2', done;
    END IF;
END
$strata$;

-- segment 1 of 2 (one transaction): 0001_init
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 2 already done, skipped'
\else
\echo 'strata: segment 1 of 2'

BEGIN;

CREATE TABLE IF NOT EXISTS "O'ps"."Schema 100% Versions" (
    version_num varchar(32) NOT NULL,
    CONSTRAINT "Schema 100% Versions_pkc" PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_init, init

INSERT INTO "O'ps"."Schema 100% Versions" (version_num) VALUES ('0001_init');

CREATE TABLE IF NOT EXISTS "O'ps".strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO "O'ps".strata_progress (run_id, segment) VALUES ('1e0edf0a487b27b066225dca16cba017dfde0dc8f01575fe9f17d984dcd47346', 1);

COMMIT;

\endif

-- segment 2 of 2 (one transaction): 0002_next
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 2 already done, skipped'
\else
\echo 'strata: segment 2 of 2'

BEGIN;

-- Running upgrade 0001_init -> 0002_next, next

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE "O'ps"."Schema 100% Versions" SET version_num = '0002_next' WHERE "O'ps"."Schema 100% Versions".version_num = '0001_init';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_init -> 0002_next changed % rows of "O''ps"."Schema 100%% Versions", expected 1', n;
    END IF;
END
$strata$;

DELETE FROM "O'ps".strata_progress WHERE run_id = '1e0edf0a487b27b066225dca16cba017dfde0dc8f01575fe9f17d984dcd47346';

DO $strata$
BEGIN
    IF NOT EXISTS (SELECT 1 AS one FROM "O'ps".strata_progress) THEN
        DROP TABLE "O'ps".strata_progress;
    END IF;
END
$strata$;

COMMIT;

\endif

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(6540281481445772849);
END
$strata$;
