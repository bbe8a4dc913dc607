-- revision: 0001_create
-- revises: base

-- +upgrade
-- +dialect postgresql
CREATE TABLE payments (id BIGINT PRIMARY KEY) WITH (fillfactor = 70);
-- +end
-- +model
CREATE TABLE payments (id BIGINT PRIMARY KEY);
-- +end
CREATE INDEX ix_payments_id ON payments (id);
ALTER TABLE payments DROP CONSTRAINT payments_pkey;
