-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TYPE payment_status AS ENUM ('pending', 'settled');
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount VARCHAR(20), status TEXT, paid BOOLEAN,
    note INTEGER);
ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(12, 2);
ALTER TABLE payments ALTER COLUMN status TYPE payment_status;
ALTER TABLE payments ALTER COLUMN paid TYPE INTEGER;
ALTER TABLE payments ALTER COLUMN note TYPE TEXT;
ALTER TABLE payments ALTER COLUMN note TYPE INTEGER USING note::INTEGER;
