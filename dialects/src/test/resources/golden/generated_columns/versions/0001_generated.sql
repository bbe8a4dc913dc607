-- revision: 0001_generated
-- revises: base
-- message: stored generated columns

-- +upgrade
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    price NUMERIC(12, 2) NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    total NUMERIC(14, 2) GENERATED ALWAYS AS (price * qty) STORED,
    label TEXT GENERATED ALWAYS AS ('order ' || id::text) STORED NOT NULL
);
CREATE TABLE notes (
    id BIGINT PRIMARY KEY,
    body TEXT NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', body)
    ) STORED
);
INSERT INTO orders (id, price, qty) VALUES (1, 9.99, 3);

-- +downgrade
DROP TABLE notes;
DROP TABLE orders;
