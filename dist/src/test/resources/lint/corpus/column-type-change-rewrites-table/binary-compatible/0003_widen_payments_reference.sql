-- revision: 0003_widen_payments_reference
-- revises: 0002_create_ledger_accounts
-- message: SWIFT references run to 128 characters

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ALTER COLUMN reference TYPE VARCHAR(128);
