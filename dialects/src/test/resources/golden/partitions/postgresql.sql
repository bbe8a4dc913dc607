\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_partitions (postgresql)
-- from: base
-- to: 0001_partitions
-- version table: alembic_version
-- sources: sha256:2b3a650fb026470c2b50a9e35e43907440bb83fa8406e4cf0c9a1b7186cda83d over 1 revision file

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
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_partitions, range, list and hash partitioning, attach and detach, an unlogged table

CREATE TABLE events (
    id bigint NOT NULL,
    created_at date NOT NULL,
    kind text NOT NULL,
    payload jsonb
)
PARTITION BY RANGE (created_at);

CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE events_2025 PARTITION OF events (
    CONSTRAINT events_2025_kind_check CHECK (kind <> '')
) FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);

CREATE TABLE events_2025_click PARTITION OF events_2025 FOR VALUES IN ('click', 'tap');

CREATE TABLE events_2025_other PARTITION OF events_2025 DEFAULT;

CREATE TABLE events_old (
    id bigint NOT NULL,
    created_at date NOT NULL,
    kind text NOT NULL,
    payload jsonb
);

ALTER TABLE events ATTACH PARTITION events_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');

CREATE INDEX events_created_idx ON ONLY events (created_at);

CREATE TABLE sessions (
    id bigint NOT NULL,
    user_id bigint NOT NULL
)
PARTITION BY HASH (user_id);

CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);

CREATE TABLE IF NOT EXISTS sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE names (
    name text NOT NULL
)
PARTITION BY LIST (name COLLATE "C" text_pattern_ops);

CREATE UNLOGGED TABLE cache_entries (
    key text,
    value jsonb,
    PRIMARY KEY (key)
)
WITH (fillfactor = 90, autovacuum_enabled = off);

INSERT INTO alembic_version (version_num) VALUES ('0001_partitions');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
