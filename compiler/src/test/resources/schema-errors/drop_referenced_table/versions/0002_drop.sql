-- revision: 0002_drop
-- revises: 0001_create

-- +upgrade
DROP TABLE payers;
