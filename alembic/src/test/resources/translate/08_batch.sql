SELECT 1;
SELECT 2;
ALTER TABLE events ADD COLUMN source VARCHAR(40);
CREATE INDEX ix_events_source ON events (source);
ALTER TABLE events DROP COLUMN legacy;

-- +no-transaction
ALTER TYPE mood ADD VALUE 'happy';

-- +no-transaction
CREATE INDEX CONCURRENTLY ix_events_at ON events (at);
