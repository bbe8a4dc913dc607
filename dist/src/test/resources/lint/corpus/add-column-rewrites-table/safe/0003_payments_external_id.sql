-- revision: 0003_payments_external_id
-- revises: 0002_create_ledger_accounts
-- message: give new payments an external id; old ones are backfilled in batches

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN external_id UUID;
ALTER TABLE payments ALTER COLUMN external_id SET DEFAULT gen_random_uuid();
