CREATE TYPE order_status AS ENUM ('new', 'paid');

CREATE TABLE orders (
    id BIGSERIAL NOT NULL,
    status order_status DEFAULT 'new' NOT NULL,
    old_status order_status,
    kind kind,
    PRIMARY KEY (id)
);

ALTER TABLE orders ADD COLUMN mood mood;
DROP TABLE orders;
