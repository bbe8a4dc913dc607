-- revision: 0001_customers
-- revises: base
-- message: customers, the branch point

-- +upgrade
CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT NOT NULL);

-- +downgrade
DROP TABLE customers;
