-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
ALTER TABLE payments ALTER COLUMN id TYPE serial8;
