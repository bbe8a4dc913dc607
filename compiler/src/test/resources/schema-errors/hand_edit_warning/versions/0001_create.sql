-- revision: 0001_create
-- revises: base

-- +upgrade
-- +dialect postgresql
CREATE TABLE payments (id BIGINT PRIMARY KEY);
-- +end
CREATE INDEX ix_payments_id ON payments (id);
