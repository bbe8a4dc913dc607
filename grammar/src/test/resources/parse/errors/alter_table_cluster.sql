-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
ALTER TABLE orders CLUSTER ON orders_pkey;
