-- revision: 0003_drop_payments_created_idx
-- revises: 0002_create_ledger_accounts
-- message: stop indexing payments by creation time, without blocking reads

-- +upgrade
DROP INDEX CONCURRENTLY ix_payments_created_at;
