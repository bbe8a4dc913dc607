-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT, amount NUMERIC(12, 2) CHECK (amount > 0));
ALTER TABLE payments DROP CONSTRAINT payments_check;
