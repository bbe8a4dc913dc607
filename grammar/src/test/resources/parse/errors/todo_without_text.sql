-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
-- +todo
ALTER TABLE t ADD COLUMN c INT;
