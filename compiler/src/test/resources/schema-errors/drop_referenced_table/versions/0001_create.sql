-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payers (id BIGINT PRIMARY KEY);
CREATE TABLE payments (id BIGINT PRIMARY KEY, payer_id BIGINT REFERENCES payers);
