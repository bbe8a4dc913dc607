-- revision: 0002_shipped
-- revises: 0001_status
-- message: values used in the revision that adds them

-- +upgrade
ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'paid';
ALTER TYPE order_status ADD VALUE 'returned';
UPDATE orders SET status = 'shipped' WHERE id = 2;
INSERT INTO orders (id, status) VALUES (4, 'returned');

-- +downgrade
DELETE FROM orders WHERE id = 4;
UPDATE orders SET status = 'paid' WHERE status IN ('shipped', 'cancelled');
