-- revision: 0001_maintenance
-- revises: base
-- message: VACUUM and REINDEX CONCURRENTLY run outside a transaction; ANALYZE, NOTIFY and LOCK (downgrade) inside

-- +upgrade
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT);
CREATE INDEX ix_events_kind ON events (kind);
INSERT INTO events (id, kind) VALUES (1, 'a'), (2, 'b');
NOTIFY events_changed, 'loaded';
ANALYZE events;
VACUUM (ANALYZE) events;
REINDEX INDEX CONCURRENTLY ix_events_kind;
ALTER TABLE events ADD COLUMN note TEXT;

-- +downgrade
LOCK TABLE events IN ACCESS EXCLUSIVE MODE;
DROP TABLE events;
