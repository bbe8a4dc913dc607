-- revision: 0003_payments_fee
-- revises: 0002_create_ledger_accounts
-- message: record the fee of each payment at six decimals

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN fee NUMERIC(20,4);
ALTER TABLE payments ALTER COLUMN fee TYPE NUMERIC(20,6);
