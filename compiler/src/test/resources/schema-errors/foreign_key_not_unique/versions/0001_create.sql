-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payers (id BIGINT PRIMARY KEY, email TEXT);
CREATE TABLE payments (id BIGINT PRIMARY KEY, payer_email TEXT REFERENCES payers (email));
