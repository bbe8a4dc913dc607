-- revision: 0001_partitions
-- revises: base
-- message: range, list and hash partitioning, attach and detach, an unlogged table

-- +upgrade
CREATE TABLE events (
    id BIGINT NOT NULL,
    created_at DATE NOT NULL,
    kind TEXT NOT NULL,
    payload JSONB
) PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events (CONSTRAINT events_2025_kind_check CHECK (kind <> ''))
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);
CREATE TABLE events_2025_click PARTITION OF events_2025 FOR VALUES IN ('click', 'tap');
CREATE TABLE events_2025_other PARTITION OF events_2025 DEFAULT;
CREATE TABLE events_old (id BIGINT NOT NULL, created_at DATE NOT NULL, kind TEXT NOT NULL, payload JSONB);
ALTER TABLE events ATTACH PARTITION events_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE INDEX events_created_idx ON ONLY events (created_at);
CREATE TABLE sessions (id BIGINT NOT NULL, user_id BIGINT NOT NULL) PARTITION BY HASH (user_id);
CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE IF NOT EXISTS sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE names (name TEXT NOT NULL) PARTITION BY LIST (name COLLATE "C" text_pattern_ops);
CREATE UNLOGGED TABLE cache_entries (key TEXT PRIMARY KEY, value JSONB) WITH (fillfactor = 90, autovacuum_enabled = off);

-- +downgrade
DROP TABLE cache_entries;
DROP TABLE names;
DROP TABLE sessions;
DROP INDEX events_created_idx;
ALTER TABLE events DETACH PARTITION events_old;
DROP TABLE events_old;
DROP TABLE events;
