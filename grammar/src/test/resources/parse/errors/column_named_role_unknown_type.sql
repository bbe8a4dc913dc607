-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE accounts (id INT, role no_such_type);
