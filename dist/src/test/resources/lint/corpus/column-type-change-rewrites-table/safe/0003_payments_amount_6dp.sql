-- revision: 0003_payments_amount_6dp
-- revises: 0002_create_ledger_accounts
-- message: store payment amounts at six decimals: the new column, filled by dual writes

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD COLUMN amount_6dp NUMERIC(20,6);
