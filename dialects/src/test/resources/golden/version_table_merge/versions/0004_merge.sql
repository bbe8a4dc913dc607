-- revision: 0004_merge
-- revises: 0002_last_tx, 0003_cart
-- message: merge

-- +upgrade
UPDATE account SET name = 'x' WHERE name IS NULL;

-- +downgrade
-- +no-op
