\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_do_blocks (postgresql)
-- from: base
-- to: 0001_do_blocks
-- version table: alembic_version
-- sources: sha256:4db1a770ed4ad78920299b15c6cf04b907cf2f63d25f8e7e7f638912fe585b3f over 1 revision file
-- run: 01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86 (3 segments, progress in strata_progress)

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
            INTO done USING '01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run 01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86', done;
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

-- segment 1 of 3 (one transaction): 0001_do_blocks
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

-- Running upgrade  -> 0001_do_blocks, DO blocks, one of which commits and so runs outside a transaction

CREATE TABLE events (
    id int,
    archived boolean NOT NULL DEFAULT false,
    PRIMARY KEY (id)
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'events_archive') THEN
        CREATE TABLE events_archive (id INTEGER PRIMARY KEY);
    END IF;
    -- COMMIT; in a comment does not count
    RAISE NOTICE 'COMMIT; in a string does not count';
END
$$;

INSERT INTO events (id) SELECT g FROM generate_series(1, 25) AS g;

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0001_do_blocks
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

DO LANGUAGE plpgsql $batches$
DECLARE
    moved integer;
BEGIN
    LOOP
        WITH batch AS (
            UPDATE events SET archived = true
            WHERE id IN (SELECT id FROM events WHERE NOT archived ORDER BY id LIMIT 10)
            RETURNING id
        )
        INSERT INTO events_archive (id) SELECT id FROM batch;
        GET DIAGNOSTICS moved = ROW_COUNT;
        EXIT WHEN moved = 0;
        COMMIT;
    END LOOP;
END
$batches$;

INSERT INTO strata_progress (run_id, segment) VALUES ('01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86', 2);

\endif

-- segment 3 of 3 (one transaction): 0001_do_blocks
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 3 already done, skipped'
\else
\echo 'strata: segment 3 of 3'

BEGIN;

ALTER TABLE events ADD note text;

INSERT INTO alembic_version (version_num) VALUES ('0001_do_blocks');

DELETE FROM strata_progress WHERE run_id = '01990a567ce8988ec0aa49088c38a0288c2d08e0d9be24667c7aba7d7e0f2b86';

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
