-- revision: 0009_backfill_nicknames
-- revises: 0008_nicknames
-- message: fill nicknames; nothing to undo, the column is dropped by 0008's downgrade

-- +upgrade
UPDATE users SET nickname = email WHERE nickname IS NULL;

-- +downgrade
-- The backfilled values are harmless: the downgrade only moves the version table.
-- +no-op
