\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_refresh (postgresql)
-- from: base
-- to: 0002_refresh
-- version table: alembic_version
-- sources: sha256:012d3cd4463bbca143f09bb52d43755315992742eff7f2344d90a920efd754e3 over 2 revision files
-- run: 1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15 (3 segments, progress in strata_progress)

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
            INTO done USING '1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run 1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_payments']::text[]
        WHEN 2 THEN ARRAY['0001_payments']::text[]
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

-- segment 1 of 3 (one transaction): 0001_payments, 0002_refresh
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

-- Running upgrade  -> 0001_payments, a table and materialized views over it

CREATE TABLE payments (
    id bigint,
    at timestamp with time zone NOT NULL,
    amount numeric(12, 2) NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO payments (id, at, amount) VALUES (1, '2024-01-01T10:00:00Z', 10), (2, '2024-01-02T10:00:00Z', 5);

CREATE MATERIALIZED VIEW daily_totals (day, total) AS
  SELECT date_trunc('day', at AT TIME ZONE 'UTC'), sum(amount) FROM payments GROUP BY 1
WITH DATA;

CREATE UNIQUE INDEX ux_daily_totals_day ON daily_totals(day);

CREATE MATERIALIZED VIEW IF NOT EXISTS payment_count USING heap WITH (fillfactor = 70) AS SELECT count(*) AS n FROM payments WITH NO DATA;

INSERT INTO alembic_version (version_num) VALUES ('0001_payments');

-- Running upgrade 0001_payments -> 0002_refresh, refresh, concurrently outside a transaction, and rename

INSERT INTO payments (id, at, amount) VALUES (3, '2024-01-03T10:00:00Z', 7);

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0002_refresh
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;

INSERT INTO strata_progress (run_id, segment) VALUES ('1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15', 2);

\endif

-- segment 3 of 3 (one transaction): 0002_refresh
SELECT current_setting('strata.segments_done')::integer >= 3 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 3 of 3 already done, skipped'
\else
\echo 'strata: segment 3 of 3'

BEGIN;

REFRESH MATERIALIZED VIEW payment_count WITH DATA;

ALTER MATERIALIZED VIEW payment_count RENAME TO payment_total_count;

ALTER MATERIALIZED VIEW IF EXISTS payment_total_count RENAME COLUMN n TO payments;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_refresh' WHERE alembic_version.version_num = '0001_payments';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_payments -> 0002_refresh changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '1a4f6de3948505e6eb71f4bb2f606e0f366924bcfc55dc57c0a9b2cec61caa15';

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
