-- revision: 0003_payments_reference_index
-- revises: 0002_create_ledger_accounts
-- message: a reference names one payment: the index, built without blocking writes

-- +upgrade
CREATE UNIQUE INDEX CONCURRENTLY ix_payments_reference ON payments (reference);
