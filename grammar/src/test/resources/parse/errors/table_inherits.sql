-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE child (extra INT) INHERITS (parent);
