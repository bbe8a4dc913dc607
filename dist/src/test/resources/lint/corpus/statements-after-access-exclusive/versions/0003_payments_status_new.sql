-- revision: 0003_payments_status_new
-- revises: 0002_create_ledger_accounts
-- message: new payments start as NEW, and so do the pending ones

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ALTER COLUMN status SET DEFAULT 'NEW';
UPDATE payments SET status = 'NEW' WHERE status = 'PENDING';

-- +downgrade
UPDATE payments SET status = 'PENDING' WHERE status = 'NEW';
ALTER TABLE payments ALTER COLUMN status SET DEFAULT 'PENDING';
