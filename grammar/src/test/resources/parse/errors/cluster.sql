-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CLUSTER orders USING orders_pkey;
