-- revision: 0003_cancelled
-- revises: 0002_shipped
-- message: a value added last in its revision

-- +upgrade
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled';

-- +downgrade
-- PostgreSQL cannot drop an enum value; 0001's downgrade drops the type.
-- +no-op
