-- revision: 0003_payments_ledger_account_fk
-- revises: 0002_create_ledger_accounts
-- message: payments point at their ledger account

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD CONSTRAINT fk_payments_ledger_account_id
    FOREIGN KEY (ledger_account_id) REFERENCES ledger_accounts (id);
