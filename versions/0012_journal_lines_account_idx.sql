-- revision: 0012_journal_lines_account_idx
-- revises: 0011_customer_india_fields
-- message: index journal lines by account and time, without locking writes

-- +upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_journal_lines_account_id_created_at
    ON journal_lines (account_id, created_at DESC);

-- +downgrade
DROP INDEX CONCURRENTLY IF EXISTS ix_journal_lines_account_id_created_at;
