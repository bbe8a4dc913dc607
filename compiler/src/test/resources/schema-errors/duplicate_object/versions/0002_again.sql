-- revision: 0002_again
-- revises: 0001_create

-- +upgrade
CREATE TYPE payment_status AS ENUM ('pending', 'settled', 'failed');
