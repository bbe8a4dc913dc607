-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE rooms (
    id INT,
    EXCLUDE USING gist (id WITH =)
);
