-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
ALTER TABLE rooms ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =);
