-- revision: 0003_widen_amount
-- revises: 0001_create

-- +upgrade
ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(18, 2);
