-- revision: 0010_drop_legacy
-- revises: 0009_backfill

-- +upgrade
DROP TABLE legacy;

-- +downgrade
-- +irreversible
-- +no-op
