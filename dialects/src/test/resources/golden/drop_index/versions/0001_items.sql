-- revision: 0001_items
-- revises: base

-- +upgrade
CREATE SCHEMA app;
CREATE TABLE app.items (id INTEGER, sku TEXT);
CREATE TABLE items (id INTEGER, a INTEGER);
CREATE INDEX ix_items_sku ON app.items (sku);
CREATE INDEX ix_items_id ON items (id);
CREATE INDEX ix_items_a ON items (a);
CREATE INDEX ix_items_a_id ON items (a, id);

-- +downgrade
DROP TABLE items;
DROP TABLE app.items;
DROP SCHEMA app;
