-- revision: 0010_drop_legacy
-- revises: 0009_backfill_nicknames
-- message: drop the legacy table; its rows cannot be restored

-- +upgrade
DROP TABLE legacy;

-- +downgrade
-- +irreversible
