-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TYPE payment_status AS ENUM ('pending', 'settled');
ALTER TYPE payment_status ADD VALUE 'refunded' BEFORE 'setled';
