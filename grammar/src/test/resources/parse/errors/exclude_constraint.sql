-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE rooms (id INT, room INT, EXCLUDE USING gist (room WITH =));
