-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE VIEW v AS;
