-- revision: 0002_customer_code
-- revises: 0001_create

-- +upgrade
ALTER TABLE customers ADD CONSTRAINT uq_code UNIQUE (code);
