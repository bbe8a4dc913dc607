-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
ALTER TABLE t ADD COLUMN total INTEGER GENERATED ALWAYS AS IDENTITY GENERATED ALWAYS AS (a + b) STORED;
