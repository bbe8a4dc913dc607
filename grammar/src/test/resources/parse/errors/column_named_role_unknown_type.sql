-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE accounts (id INT, role 42);
