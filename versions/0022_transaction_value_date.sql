-- revision: 0022_transaction_value_date
-- revises: 0021_create_audit_schema
-- message: backfill transactions.value_date and make it mandatory
-- strata:allow set-not-null value_date is backfilled by the UPDATE just above, in the same window: the scan finds no NULL; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
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
