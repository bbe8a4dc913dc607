-- revision: 0003_payments_amount_6dp
-- revises: 0002_create_ledger_accounts
-- message: store payment amounts at six decimals: a new column, no rebuild

-- +upgrade
ALTER TABLE payments ADD COLUMN amount_6dp NUMERIC(20,6);
