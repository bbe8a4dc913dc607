-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount NUMERIC(12, 2));
