-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
SET SESSION AUTHORIZATION admin;
