-- revision: 0003_payments_reference_idx
-- revises: 0002_create_ledger_accounts
-- message: look payments up by reference, without blocking writes

-- +upgrade
CREATE INDEX CONCURRENTLY ix_payments_reference ON payments (reference);
