-- revision: 0002_again
-- revises: 0001_create

-- +upgrade
ALTER TYPE payment_status ADD VALUE 'refunded' AFTER 'settled';
ALTER TYPE payment_status ADD VALUE IF NOT EXISTS 'refunded';
