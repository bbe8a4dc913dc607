-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payers (id BIGINT PRIMARY KEY, email TEXT UNIQUE);
CREATE TABLE payments (id BIGINT PRIMARY KEY, payer_email TEXT REFERENCES payers (email));
ALTER TABLE payers DROP COLUMN email;
