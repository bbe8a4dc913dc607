-- revision: 0001_customers
-- revises: base
-- message: customers

-- +upgrade
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

-- +downgrade
DROP TABLE customers;
