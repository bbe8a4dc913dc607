\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_indexes (postgresql)
-- from: base
-- to: 0002_indexes
-- version table: alembic_version
-- sources: sha256:fa93ce3eeda49cf145ccb2508cef3d1ac4dc0bbb3084c4b6ecee3aa3462877d6 over 2 revision files
-- run: 44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7 (3 segments, progress in strata_progress)

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
            INTO done USING '44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7';
    END IF;
    IF done NOT BETWEEN 0 AND 2 THEN
        RAISE EXCEPTION 'strata: strata_progress records % of 3 segments done for run 44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7', done;
    END IF;
    expected := CASE done
        WHEN 0 THEN '{}'::text[]
        WHEN 1 THEN ARRAY['0001_users']::text[]
        WHEN 2 THEN ARRAY['0001_users']::text[]
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

-- segment 1 of 3 (one transaction): 0001_users, 0002_indexes
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

-- Running upgrade  -> 0001_users, users

CREATE TABLE users (
    id bigint,
    email text NOT NULL,
    tenant int,
    data jsonb,
    deleted_at timestamp with time zone,
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_users');

-- Running upgrade 0001_users -> 0002_indexes, index users

CREATE INDEX ix_users_email ON users(email);

CREATE UNIQUE INDEX IF NOT EXISTS uq_users_tenant_email ON users(tenant, (lower(email)) DESC) INCLUDE (id) WHERE deleted_at IS NULL;

CREATE INDEX ON users(tenant ASC);

CREATE INDEX ix_users_data ON users USING gin (data);

CREATE INDEX ix_users_k ON users((data ->> 'k')) WHERE data ? 'k';

CREATE TABLE IF NOT EXISTS strata_progress (
    run_id varchar(64) NOT NULL,
    segment int NOT NULL,
    CONSTRAINT strata_progress_pkey PRIMARY KEY (run_id, segment)
);

INSERT INTO strata_progress (run_id, segment) VALUES ('44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7', 1);

COMMIT;

\endif

-- segment 2 of 3 (no transaction): 0002_indexes
SELECT current_setting('strata.segments_done')::integer >= 2 AS strata_skip \gset
\if :strata_skip
\echo 'strata: segment 2 of 3 already done, skipped'
\else
\echo 'strata: segment 2 of 3'

CREATE INDEX CONCURRENTLY ix_users_deleted ON users (deleted_at DESC);

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_users_id ON users USING btree (id) INCLUDE (email) WHERE id > 0;

INSERT INTO strata_progress (run_id, segment) VALUES ('44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7', 2);

\endif

-- segment 3 of 3 (one transaction): 0002_indexes
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
    UPDATE alembic_version SET version_num = '0002_indexes' WHERE alembic_version.version_num = '0001_users';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_users -> 0002_indexes changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

DELETE FROM strata_progress WHERE run_id = '44a9993911b3b197641b739e783cc02aa18d4162f44a2aebb21ffc746b80b7f7';

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
