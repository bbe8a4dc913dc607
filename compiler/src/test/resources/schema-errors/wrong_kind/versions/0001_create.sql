-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount NUMERIC(12, 2));
CREATE VIEW large_payments AS SELECT id FROM payments WHERE amount > 1000;
DROP TABLE large_payments;
