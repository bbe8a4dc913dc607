-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
SET client_encoding = 'LATIN1';
