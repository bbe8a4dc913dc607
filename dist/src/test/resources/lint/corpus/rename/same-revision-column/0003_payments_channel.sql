-- revision: 0003_payments_channel
-- revises: 0002_create_ledger_accounts
-- message: record the channel of each payment

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN payment_channel VARCHAR(16);
ALTER TABLE payments RENAME COLUMN payment_channel TO channel;
