\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0003_constraints -> base (postgresql)
-- from: 0003_constraints
-- to: base
-- version table: alembic_version
-- sources: sha256:c9eefd175b52200a670fef121f36822def6e09455990e917a3056ed9e28fd62c over 3 revision files
-- run: d98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad (3 segments, progress in strata_progress)

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
            INTO done USING 'd98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run d98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN ARRAY['0003_constraints']::text[]
        WHEN 1 THEN ARRAY['0003_constraints']::text[]
        WHEN 2 THEN ARRAY['0003_constraints']::text[]
    END;
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        IF done = 0 THEN
            RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0003_constraints]',
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

-- segment 1 of 3 (one transaction): 0003_constraints
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 3 already done, skipped'
\else
\echo 'strata: segment 1 of 3'

BEGIN;

-- Running downgrade 0003_constraints -> 0002_columns, constraints dropped by kind, IF [NOT] EXISTS, online index, a column dropped with its keys

ALTER TABLE parents RENAME TO parent;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('d98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0003_constraints
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

DROP INDEX CONCURRENTLY IF EXISTS ux_parent_code;

INSERT INTO strata_progress (run_id, segment) VALUES ('d98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad', 2);

\endif

-- segment 3 of 3 (one transaction): 0003_constraints, 0002_columns, 0001_tables
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 3 already done, skipped'
\else
\echo 'strata: segment 3 of 3'

BEGIN;

ALTER TABLE child ADD b int;

ALTER TABLE child ADD CONSTRAINT child_aa_b_key UNIQUE (aa, b);

CREATE INDEX ix_child_ab ON child(aa, b);

ALTER TABLE child DROP IF EXISTS note;

ALTER TABLE child ADD CONSTRAINT child_amount_check CHECK (amount >= 0);

ALTER TABLE child DROP CONSTRAINT fk_parent;

ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent ON DELETE CASCADE;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_columns' WHERE alembic_version.version_num = '0003_constraints';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_constraints -> 0002_columns changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0002_columns -> 0001_tables, whole columns restated, renames, an enum value, comments

ALTER TABLE parent ALTER created_at SET DEFAULT now();

COMMENT ON TABLE parent IS '';

ALTER INDEX ix_child_name RENAME TO child_name_idx;

ALTER TABLE child RENAME COLUMN aa TO a;

ALTER TABLE child ALTER amount TYPE numeric(18, 2);

ALTER TABLE child ALTER name DROP NOT NULL;

ALTER TABLE child ALTER name TYPE varchar(40);

COMMENT ON COLUMN child.name IS '';

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_tables' WHERE alembic_version.version_num = '0002_columns';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_columns -> 0001_tables changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_tables -> , tables, keys named by PostgreSQL, identities, enums, checks, defaults

DROP TABLE child;

DROP TABLE parent;

DROP TYPE mood;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_tables';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_tables changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = 'd98e14f77d0b13ba3a3ce5244ef5cdf81f23e4c9e93c2216899cb8726d67b8ad';

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
