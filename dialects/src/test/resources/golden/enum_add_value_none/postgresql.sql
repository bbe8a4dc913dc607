\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0004_cancel (postgresql)
-- from: base
-- to: 0004_cancel
-- version table: alembic_version
-- sources: sha256:a4de2bb511a3c82bad52b377e36876d5cabf78c0c0867499287b1113bc758dd2 over 4 revision files
-- run: 078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19 (4 segments, progress in strata_progress)

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
            INTO done USING '078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19';
    END IF;
    IF done NOT BETWEEN 0 AND 3 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 4 segments done for run 078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_status']::text[]
        WHEN 2 THEN ARRAY['0002_shipped']::text[]
        WHEN 3 THEN ARRAY['0003_cancelled']::text[]
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
        RAISE EXCEPTION 'strata: alembic_version holds % but this script, resuming after segment % of 4, expects %',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']', done, '[' || coalesce(nullif(array_to_string(expected, ', '), ''), 'base') || ']';
    END IF;
    PERFORM set_config('strata.segments_done', done::text, false);
    IF done > 0 THEN
        RAISE NOTICE 'strata: resuming after segment % of 4', done;
    END IF;
END
$strata$;

-- segment 1 of 4 (no transaction): 0001_status
SELECT current_setting('strata.segments_done')::integer >= 1 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 1 of 4 already done, skipped'
\else
\echo 'strata: segment 1 of 4'

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_status, orders with a status

CREATE TYPE order_status AS ENUM ('new', 'paid');

CREATE TABLE orders (
    id int,
    status order_status NOT NULL DEFAULT 'new',
    PRIMARY KEY (id)
);

INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid'), (3, 'paid');

INSERT INTO alembic_version (version_num) VALUES ('0001_status');

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19', 1);

\endif

-- segment 2 of 4 (no transaction): 0002_shipped
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 4 already done, skipped'
\else
\echo 'strata: segment 2 of 4'

-- Running upgrade 0001_status -> 0002_shipped, values used in the revision that adds them

ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'paid';

ALTER TYPE order_status ADD VALUE 'returned';

UPDATE orders SET status = 'shipped' WHERE id = 2;

INSERT INTO orders (id, status) VALUES (4, 'returned');

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_shipped' WHERE alembic_version.version_num = '0001_status';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_status -> 0002_shipped changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

INSERT INTO strata_progress (run_id, segment) VALUES ('078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19', 2);

\endif

-- segment 3 of 4 (no transaction): 0003_cancelled
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 4 already done, skipped'
\else
\echo 'strata: segment 3 of 4'

-- Running upgrade 0002_shipped -> 0003_cancelled, a value added last in its revision

ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled';

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_cancelled' WHERE alembic_version.version_num = '0002_shipped';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_shipped -> 0003_cancelled changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

INSERT INTO strata_progress (run_id, segment) VALUES ('078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19', 3);

\endif

-- segment 4 of 4 (no transaction): 0004_cancel
SELECT current_setting('strata.segments_done')::integer >= 4 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 4 of 4 already done, skipped'
\else
\echo 'strata: segment 4 of 4'

-- Running upgrade 0003_cancelled -> 0004_cancel, the value used in the next revision

UPDATE orders SET status = 'cancelled' WHERE id = 3;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0004_cancel' WHERE alembic_version.version_num = '0003_cancelled';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_cancelled -> 0004_cancel changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '078c1d880be9f1de970ee6b99df8d8f24db10c022f0223a2aa569083b24b2b19';

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
