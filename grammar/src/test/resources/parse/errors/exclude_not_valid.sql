-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) NOT VALID;
