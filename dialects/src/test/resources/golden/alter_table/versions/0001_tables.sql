-- revision: 0001_tables
-- revises: base
-- message: tables

-- +upgrade
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name TEXT,
    email VARCHAR(100) NOT NULL,
    status TEXT,
    balance INTEGER
);

CREATE TABLE owners (id BIGINT PRIMARY KEY);

-- +downgrade
DROP TABLE owners;
DROP TABLE accounts;
