-- revision: 0002_ok_mood
-- revises: 0001_people
-- message: a new enum value, used at once

-- +upgrade
-- A value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that added it,
-- so the block runs on its own and the INSERT after it sees the value.
-- +no-transaction
-- +dialect postgresql
ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
-- +end

-- +dialect postgresql
INSERT INTO people (id, name, mood) VALUES (1, 'Ada', 'ok');
-- +end

-- +no-transaction
-- +dialect postgresql
CREATE INDEX CONCURRENTLY ix_people_mood ON people (mood);
REINDEX INDEX CONCURRENTLY ix_people_mood;
-- +end

-- +downgrade
-- +no-transaction
-- +dialect postgresql
DROP INDEX CONCURRENTLY ix_people_mood;
-- +end

DELETE FROM people WHERE id = 1;
