-- revision: 0003_payments_external_id
-- revises: 0002_create_ledger_accounts
-- message: give every payment an external id

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN external_id UUID NOT NULL DEFAULT gen_random_uuid();
