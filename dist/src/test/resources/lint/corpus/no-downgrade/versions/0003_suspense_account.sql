-- revision: 0003_suspense_account
-- revises: 0002_create_ledger_accounts
-- message: the suspense account unmatched payments post to

-- +upgrade
INSERT INTO ledger_accounts (code, name) VALUES ('SUSPENSE', 'Unmatched payments');
