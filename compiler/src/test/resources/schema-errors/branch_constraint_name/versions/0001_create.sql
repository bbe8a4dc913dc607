-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE customers (id BIGINT PRIMARY KEY, code TEXT NOT NULL);
CREATE TABLE suppliers (id BIGINT PRIMARY KEY, code TEXT NOT NULL);
