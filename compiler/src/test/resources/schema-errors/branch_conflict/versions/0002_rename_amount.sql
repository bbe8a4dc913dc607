-- revision: 0002_rename_amount
-- revises: 0001_create

-- +upgrade
ALTER TABLE payments RENAME COLUMN amount TO total;
