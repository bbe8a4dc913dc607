-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
RESET client_encoding;
