-- revision: 0002_refresh
-- revises: 0001_payments
-- message: refresh, concurrently outside a transaction, and rename

-- +upgrade
INSERT INTO payments (id, at, amount) VALUES (3, '2024-01-03T10:00:00Z', 7);
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;
REFRESH MATERIALIZED VIEW payment_count WITH DATA;
ALTER MATERIALIZED VIEW payment_count RENAME TO payment_total_count;
ALTER MATERIALIZED VIEW IF EXISTS payment_total_count RENAME COLUMN n TO payments;

-- +downgrade
ALTER MATERIALIZED VIEW payment_total_count RENAME COLUMN payments TO n;
ALTER MATERIALIZED VIEW payment_total_count RENAME TO payment_count;
REFRESH MATERIALIZED VIEW payment_count WITH NO DATA;
DELETE FROM payments WHERE id = 3;
REFRESH MATERIALIZED VIEW daily_totals;
