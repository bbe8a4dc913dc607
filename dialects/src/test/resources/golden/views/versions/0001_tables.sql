-- revision: 0001_tables
-- revises: base
-- message: tables the views read

-- +upgrade
CREATE SCHEMA report;
CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL, active BOOLEAN NOT NULL DEFAULT true, deleted_at TIMESTAMPTZ);
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id), created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE order_items (order_id BIGINT NOT NULL REFERENCES orders (id), amount NUMERIC(12, 2) NOT NULL);

-- +downgrade
DROP TABLE order_items;
DROP TABLE orders;
DROP TABLE users;
DROP SCHEMA report;
