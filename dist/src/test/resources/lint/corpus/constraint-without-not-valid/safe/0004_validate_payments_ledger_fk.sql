-- revision: 0004_validate_payments_ledger_fk
-- revises: 0003_payments_ledger_account_fk
-- message: check the existing payments against the ledger accounts

-- +upgrade
ALTER TABLE payments VALIDATE CONSTRAINT fk_payments_ledger_account_id;
