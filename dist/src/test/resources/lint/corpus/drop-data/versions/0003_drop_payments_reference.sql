-- revision: 0003_drop_payments_reference
-- revises: 0002_create_ledger_accounts
-- message: references moved to the remittance service

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments DROP COLUMN reference;
