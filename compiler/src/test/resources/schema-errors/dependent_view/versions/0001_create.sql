-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount NUMERIC(12, 2));
CREATE VIEW large_payments AS SELECT id, amount FROM payments WHERE amount > 1000;
ALTER TABLE payments DROP COLUMN amount;
