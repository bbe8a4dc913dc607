-- revision: 0002_drop
-- revises: 0001_items
-- message: drop indexes

-- +upgrade
DROP INDEX ix_items_id;
DROP INDEX IF EXISTS ix_missing CASCADE;
DROP INDEX app.ix_items_sku;
DROP INDEX CONCURRENTLY ix_items_a;
DROP INDEX CONCURRENTLY IF EXISTS ix_items_a_id;

-- +downgrade
CREATE INDEX ix_items_a_id ON items (a, id);
CREATE INDEX ix_items_a ON items (a);
CREATE INDEX ix_items_sku ON app.items (sku);
CREATE INDEX ix_items_id ON items (id);
