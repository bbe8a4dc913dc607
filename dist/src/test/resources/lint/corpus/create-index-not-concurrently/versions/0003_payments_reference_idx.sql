-- revision: 0003_payments_reference_idx
-- revises: 0002_create_ledger_accounts
-- message: look payments up by reference

-- +upgrade
CREATE INDEX ix_payments_reference ON payments (reference);
