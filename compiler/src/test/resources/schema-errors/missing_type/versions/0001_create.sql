-- revision: 0001_create
-- revises: base

-- +upgrade
ALTER TYPE payment_status ADD VALUE 'refunded';
