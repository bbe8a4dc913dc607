-- revision: 0003_payments_fee
-- revises: 0002_create_ledger_accounts
-- message: record the fee of each payment

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN fee NUMERIC(20,4);
ALTER TABLE payments ADD CONSTRAINT ck_payments_fee_non_negative CHECK (fee >= 0);
