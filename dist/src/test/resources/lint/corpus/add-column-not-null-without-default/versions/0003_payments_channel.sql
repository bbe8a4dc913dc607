-- revision: 0003_payments_channel
-- revises: 0002_create_ledger_accounts
-- message: record the channel of each payment

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN channel VARCHAR(16) NOT NULL;
