\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0003_after (postgresql)
-- from: base
-- to: 0003_after
-- version table: alembic_version
-- sources: sha256:8b03643fa75727688a4d5513ccd991a11bd8747ed415b24abd2ad4e7785078f4 over 3 revision files
-- run: 1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7 (5 segments, progress in strata_progress)

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
            INTO done USING '1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7';
    END IF;
    IF done NOT BETWEEN 0 AND 4 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 5 segments done for run 1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_table']::text[]
        WHEN 2 THEN ARRAY['0001_table']::text[]
        WHEN 3 THEN ARRAY['0001_table']::text[]
        WHEN 4 THEN ARRAY['0002_timeouts']::text[]
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

-- segment 1 of 5 (no transaction): 0001_table
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 5 already done, skipped'
\else
\echo 'strata: segment 1 of 5'

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_table, a table, and the settings the script runs under, recorded

CREATE TABLE t (
    id int,
    email text
);

CREATE TABLE script_settings (
    name text,
    value text NOT NULL,
    PRIMARY KEY (name)
);

INSERT INTO script_settings (name, value) SELECT name, setting FROM pg_settings WHERE name IN ('lock_timeout', 'statement_timeout');

INSERT INTO alembic_version (version_num) VALUES ('0001_table');

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7', 1);

\endif

-- segment 2 of 5 (no transaction): 0002_timeouts
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 5 already done, skipped'
\else
\echo 'strata: segment 2 of 5'

-- Running upgrade 0001_table -> 0002_timeouts, timeouts for this revision's statements only

SET lock_timeout = '5s';

SET statement_timeout = '1min';

DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR current_setting('statement_timeout') <> '1min' THEN
        RAISE EXCEPTION 'before the index: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;

RESET lock_timeout;

RESET statement_timeout;

INSERT INTO strata_progress (run_id, segment) VALUES ('1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7', 2);

\endif

-- segment 3 of 5 (no transaction): 0002_timeouts
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 5 already done, skipped'
\else
\echo 'strata: segment 3 of 5'

SET lock_timeout = '5s';

SET statement_timeout = '1min';

CREATE INDEX CONCURRENTLY ix_t_id ON t (id);

DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR current_setting('statement_timeout') <> '1min' THEN
        RAISE EXCEPTION 'outside a transaction: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;

RESET lock_timeout;

RESET statement_timeout;

INSERT INTO strata_progress (run_id, segment) VALUES ('1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7', 3);

\endif

-- segment 4 of 5 (no transaction): 0002_timeouts
SELECT current_setting('strata.segments_done')::integer >= 4 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 4 of 5 already done, skipped'
\else
\echo 'strata: segment 4 of 5'

SET lock_timeout = '5s';

ALTER TABLE t ADD note text;

DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') <> (SELECT value FROM script_settings WHERE name = 'statement_timeout') THEN
        RAISE EXCEPTION 'after RESET: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;

RESET lock_timeout;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_timeouts' WHERE alembic_version.version_num = '0001_table';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_table -> 0002_timeouts changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

INSERT INTO strata_progress (run_id, segment) VALUES ('1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7', 4);

\endif

-- segment 5 of 5 (no transaction): 0003_after
SELECT current_setting('strata.segments_done')::integer >= 5 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 5 of 5 already done, skipped'
\else
\echo 'strata: segment 5 of 5'

-- Running upgrade 0002_timeouts -> 0003_after, the script's own settings are back

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM script_settings s JOIN pg_settings p USING (name) WHERE p.setting <> s.value) THEN
        RAISE EXCEPTION 'the settings of 0002_timeouts leaked: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;

CREATE TABLE z (
    id int
);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_after' WHERE alembic_version.version_num = '0002_timeouts';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_timeouts -> 0003_after changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '1aa464fceaabd6a245c1f3f4e9597024546f0ca61018981f5c502985cab080e7';

DO $strata$
BEGIN
    IF NOT EXISTS (SELECT 1 AS one FROM strata_progress) THEN
        DROP TABLE strata_progress;
    END IF;
END
$strata$;

\endif

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
