-- revision: 0003_drop_payments_created_idx
-- revises: 0002_create_ledger_accounts
-- message: stop indexing payments by creation time

-- +upgrade
SET lock_timeout = '5s';
DROP INDEX ix_payments_created_at;
