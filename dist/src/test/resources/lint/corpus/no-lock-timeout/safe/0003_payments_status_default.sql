-- revision: 0003_payments_status_default
-- revises: 0002_create_ledger_accounts
-- message: new payments start as NEW; give up after 5s rather than queue every query

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ALTER COLUMN status SET DEFAULT 'NEW';
