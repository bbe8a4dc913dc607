-- revision: 0004_cancel
-- revises: 0003_cancelled
-- message: the value used in the next revision

-- +upgrade
UPDATE orders SET status = 'cancelled' WHERE id = 3;

-- +downgrade
UPDATE orders SET status = 'paid' WHERE id = 3;
