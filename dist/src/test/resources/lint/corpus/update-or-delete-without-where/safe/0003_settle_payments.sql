-- revision: 0003_settle_payments
-- revises: 0002_create_ledger_accounts
-- message: mark the pending payments settled

-- +upgrade
UPDATE payments SET status = 'SETTLED' WHERE status = 'PENDING';

-- +downgrade
-- +irreversible
