-- revision: Heads
-- revises: 0002_create_payments

-- +upgrade
