-- revision: 0003_payments_amount_scale
-- revises: 0002_create_ledger_accounts
-- message: store payment amounts at six decimals

-- +upgrade
ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(20,6);
