-- revision: 0003_payments_end_to_end_id
-- revises: 0002_create_ledger_accounts
-- message: call the reference what ISO 20022 calls it

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments RENAME COLUMN reference TO end_to_end_id;
