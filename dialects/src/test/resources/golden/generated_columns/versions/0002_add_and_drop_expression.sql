-- revision: 0002_add_and_drop_expression
-- revises: 0001_generated
-- message: a generated column added to a table with rows, and an expression dropped

-- +upgrade
ALTER TABLE orders ADD COLUMN doubled INTEGER GENERATED ALWAYS AS (qty * 2) STORED;
ALTER TABLE orders ALTER COLUMN label DROP EXPRESSION, ALTER total DROP EXPRESSION IF EXISTS;

-- +downgrade
ALTER TABLE orders
    DROP COLUMN doubled,
    DROP COLUMN label,
    DROP COLUMN total,
    ADD COLUMN total NUMERIC(14, 2) GENERATED ALWAYS AS (price * qty) STORED,
    ADD COLUMN label TEXT GENERATED ALWAYS AS ('order ' || id::text) STORED NOT NULL;
