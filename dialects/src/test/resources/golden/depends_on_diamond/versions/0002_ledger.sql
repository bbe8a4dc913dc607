-- revision: 0002_ledger
-- revises: 0001_customers
-- message: ledger branch
-- branch: ledger

-- +upgrade
CREATE SCHEMA ledger;
CREATE TABLE ledger.entries (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    amount NUMERIC(12, 2) NOT NULL
);

-- +downgrade
DROP TABLE ledger.entries;
DROP SCHEMA ledger;
