-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount NUMERIC(12, 2));
ALTER TABLE payments RENAME COLUMN amount TO total;
ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;
