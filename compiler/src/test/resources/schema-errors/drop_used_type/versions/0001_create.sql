-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TYPE payment_status AS ENUM ('pending', 'settled');
CREATE TABLE payments (id BIGINT PRIMARY KEY, status payment_status NOT NULL);
DROP TYPE payment_status;
