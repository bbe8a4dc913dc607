-- revision: 0009_backfill
-- revises: 0008_nicknames

-- +upgrade
UPDATE users SET nickname = email WHERE nickname IS NULL;

-- +downgrade
UPDATE users SET nickname = NULL;
-- +no-op
