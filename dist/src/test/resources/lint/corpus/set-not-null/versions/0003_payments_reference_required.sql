-- revision: 0003_payments_reference_required
-- revises: 0002_create_ledger_accounts
-- message: every payment has a reference

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ALTER COLUMN reference SET NOT NULL;
