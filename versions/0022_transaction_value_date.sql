-- revision: 0022_transaction_value_date
-- revises: 0021_create_audit_schema
-- message: backfill transactions.value_date and make it mandatory

-- +upgrade
UPDATE transactions
SET value_date = CAST(booked_at AT TIME ZONE 'UTC' AS DATE)
WHERE value_date IS NULL;
ALTER TABLE transactions
    ALTER COLUMN value_date SET DEFAULT CURRENT_DATE,
    ALTER COLUMN value_date SET NOT NULL;

-- +downgrade
-- The backfilled dates stay: which rows were NULL before is not recorded.
ALTER TABLE transactions
    ALTER COLUMN value_date DROP NOT NULL,
    ALTER COLUMN value_date DROP DEFAULT;
