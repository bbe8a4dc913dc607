\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0003_last (postgresql)
-- from: base
-- to: 0003_last
-- version table: alembic_version
-- sources: sha256:624c4eea8237e18e511b47d2f4fdf89aa745b2c1d8391902a8af9d4859b0eae7 over 3 revision files
-- run: 075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd (7 segments, progress in strata_progress)

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
            INTO done USING '075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd';
    END IF;
    IF done NOT BETWEEN 0 AND 6 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 7 segments done for run 075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_t']::text[]
        WHEN 2 THEN ARRAY['0001_t']::text[]
        WHEN 3 THEN ARRAY['0001_t']::text[]
        WHEN 4 THEN ARRAY['0001_t']::text[]
        WHEN 5 THEN ARRAY['0002_mid']::text[]
        WHEN 6 THEN ARRAY['0002_mid']::text[]
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
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 7, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 7', done;
    END IF;
END
$strata$;

-- segment 1 of 7 (one transaction): 0001_t
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 7 already done, skipped'
\else
\echo 'strata: segment 1 of 7'

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_t, t

CREATE TABLE t (
    id int,
    v text
);

INSERT INTO alembic_version (version_num) VALUES ('0001_t');

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 1);

COMMIT;

\endif

-- segment 2 of 7 (no transaction): 0002_mid
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 7 already done, skipped'
\else
\echo 'strata: segment 2 of 7'

-- Running upgrade 0001_t -> 0002_mid, starts outside a transaction

CREATE INDEX CONCURRENTLY ix_t_id ON t (id);

UPDATE t SET v = 'x';

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 2);

\endif

-- segment 3 of 7 (one transaction): 0002_mid
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 7 already done, skipped'
\else
\echo 'strata: segment 3 of 7'

BEGIN;

ALTER TABLE t ADD w text;

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 3);

COMMIT;

\endif

-- segment 4 of 7 (no transaction): 0002_mid
SELECT current_setting('strata.segments_done')::integer >= 4 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 4 of 7 already done, skipped'
\else
\echo 'strata: segment 4 of 7'

VACUUM t;

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 4);

\endif

-- segment 5 of 7 (one transaction): 0002_mid, 0003_last
SELECT current_setting('strata.segments_done')::integer >= 5 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 5 of 7 already done, skipped'
\else
\echo 'strata: segment 5 of 7'

BEGIN;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0001_t';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_t -> 0002_mid changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running upgrade 0002_mid -> 0003_last, ends outside a transaction

ALTER TABLE t ADD z text;

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 5);

COMMIT;

\endif

-- segment 6 of 7 (no transaction): 0003_last
SELECT current_setting('strata.segments_done')::integer >= 6 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 6 of 7 already done, skipped'
\else
\echo 'strata: segment 6 of 7'

CREATE INDEX CONCURRENTLY ix_t_w ON t (w);

CREATE INDEX CONCURRENTLY ix_t_z ON t (z);

INSERT INTO strata_progress (run_id, segment) VALUES ('075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd', 6);

\endif

-- segment 7 of 7 (one transaction): 0003_last
SELECT current_setting('strata.segments_done')::integer >= 7 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 7 of 7 already done, skipped'
\else
\echo 'strata: segment 7 of 7'

BEGIN;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_last' WHERE alembic_version.version_num = '0002_mid';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_mid -> 0003_last changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '075d6608f50895eb041f3b1b798fe3834136df0140ba321c26586c1c764695bd';

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
