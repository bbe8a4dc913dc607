-- revision: 0003_payments_channel
-- revises: 0002_create_ledger_accounts
-- message: record the channel of each payment

-- +upgrade
ALTER TABLE payments ADD COLUMN channel VARCHAR(16);
