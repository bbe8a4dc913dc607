-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE archive (LIKE orders INCLUDING ALL);
