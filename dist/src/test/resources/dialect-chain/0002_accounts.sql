-- revision: 0002_accounts
-- revises: 0001_customers
-- message: accounts

-- +upgrade
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    iban VARCHAR(34) NOT NULL
);
CREATE INDEX ix_accounts_customer ON accounts (customer_id);

-- +downgrade
-- the index goes with its table (MariaDB refuses to drop it alone: its foreign key needs it)
DROP TABLE accounts;
