-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, note TEXT);
ALTER TABLE payments ADD COLUMN note VARCHAR(200);
