-- revision: 0001_status
-- revises: base
-- message: orders with a status

-- +upgrade
CREATE TYPE order_status AS ENUM ('new', 'paid');
CREATE TABLE orders (id INTEGER PRIMARY KEY, status order_status NOT NULL DEFAULT 'new');
INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid'), (3, 'paid');

-- +downgrade
DROP TABLE orders;
DROP TYPE order_status;
