-- revision: 0003_payments_reference_unique
-- revises: 0002_create_ledger_accounts
-- message: a reference names one payment

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD CONSTRAINT uq_payments_reference UNIQUE (reference);
