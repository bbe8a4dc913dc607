\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_drop (postgresql)
-- from: base
-- to: 0002_drop
-- version table: alembic_version
-- sources: sha256:8d7b6528163a6cc8ad0511db379aeb2123d31a730fa510d9afbbc56fcd193df2 over 2 revision files
-- run: 1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164 (3 segments, progress in strata_progress)

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
            INTO done USING '1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run 1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_items']::text[]
        WHEN 2 THEN ARRAY['0001_items']::text[]
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

-- segment 1 of 3 (one transaction): 0001_items, 0002_drop
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

-- Running upgrade  -> 0001_items

CREATE SCHEMA app;

CREATE TABLE app.items (
    id int,
    sku text
);

CREATE TABLE items (
    id int,
    a int
);

CREATE INDEX ix_items_sku ON app.items(sku);

CREATE INDEX ix_items_id ON items(id);

CREATE INDEX ix_items_a ON items(a);

CREATE INDEX ix_items_a_id ON items(a, id);

INSERT INTO alembic_version (version_num) VALUES ('0001_items');

-- Running upgrade 0001_items -> 0002_drop, drop indexes

DROP INDEX ix_items_id;

DROP INDEX IF EXISTS ix_missing CASCADE;

DROP INDEX app.ix_items_sku;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0002_drop
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

DROP INDEX CONCURRENTLY ix_items_a;

DROP INDEX CONCURRENTLY IF EXISTS ix_items_a_id;

INSERT INTO strata_progress (run_id, segment) VALUES ('1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164', 2);

\endif

-- segment 3 of 3 (one transaction): 0002_drop
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
    UPDATE alembic_version SET version_num = '0002_drop' WHERE alembic_version.version_num = '0001_items';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_items -> 0002_drop changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '1fb2540572947707b0fac72badb0ec38fb9f50b7e81def91f7a2d68b4c2c8164';

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
