-- revision: 0003_payments_status_default
-- revises: 0002_create_ledger_accounts
-- message: new payments start as NEW

-- +upgrade
ALTER TABLE payments ALTER COLUMN status SET DEFAULT 'NEW';
