-- revision: 0009_backfill
-- revises: 0008_nicknames

-- +upgrade
-- +no-op

-- +downgrade
