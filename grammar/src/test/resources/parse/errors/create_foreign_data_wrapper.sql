-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE FOREIGN DATA WRAPPER dummy;
