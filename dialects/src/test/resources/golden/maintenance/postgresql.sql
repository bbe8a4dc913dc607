\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_maintenance (postgresql)
-- from: base
-- to: 0001_maintenance
-- version table: alembic_version
-- sources: sha256:46cf032abfff1dd8a09d7135746f11b3735c49887e8a38d22ed0a509872000d6 over 1 revision file
-- run: d7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a (3 segments, progress in strata_progress)

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
            INTO done USING 'd7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run d7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN '{}'::text[]
        WHEN 2 THEN '{}'::text[]
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
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 3, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 3', done;
    END IF;
END
$strata$;

-- segment 1 of 3 (one transaction): 0001_maintenance
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 3 already done, skipped'
\else
\echo 'strata: segment 1 of 3'

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_maintenance, VACUUM and REINDEX CONCURRENTLY run outside a transaction; ANALYZE, NOTIFY and LOCK (downgrade) inside

CREATE TABLE events (
    id int,
    kind text,
    PRIMARY KEY (id)
);

CREATE INDEX ix_events_kind ON events(kind);

INSERT INTO events (id, kind) VALUES (1, 'a'), (2, 'b');

NOTIFY events_changed, 'loaded';

ANALYZE events;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('d7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0001_maintenance
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

VACUUM (ANALYZE) events;

REINDEX INDEX CONCURRENTLY ix_events_kind;

INSERT INTO strata_progress (run_id, segment) VALUES ('d7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a', 2);

\endif

-- segment 3 of 3 (one transaction): 0001_maintenance
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 3 already done, skipped'
\else
\echo 'strata: segment 3 of 3'

BEGIN;

ALTER TABLE events ADD note text;

INSERT INTO alembic_version (version_num) VALUES ('0001_maintenance');

DELETE FROM strata_progress WHERE run_id = 'd7929afc569b9053f032881066ff26a22a6b951c9d7bd025087e8b7746a4e32a';

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
