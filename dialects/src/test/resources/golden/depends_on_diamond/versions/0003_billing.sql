-- revision: 0003_billing
-- revises: 0001_customers
-- message: billing branch, needs the ledger
-- branch: billing
-- depends-on: 0002_ledger

-- +upgrade
CREATE TABLE invoices (
    id BIGINT PRIMARY KEY,
    entry_id BIGINT NOT NULL REFERENCES ledger.entries (id)
);

-- +downgrade
DROP TABLE invoices;
