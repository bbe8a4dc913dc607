\set ON_ERROR_STOP on
-- strata test: downgrade 0002_drop -> base (postgresql)
-- from: 0002_drop
-- to: base
-- version table: alembic_version
-- sources: sha256:26c5683cf970538cc2f522e25b017318a2e232aea6353670f8ad6d39bcde8a27 over 2 revision files

BEGIN;

-- Running downgrade 0002_drop -> 0001_items, drop indexes

CREATE INDEX ix_items_a_id ON items(a, id);

CREATE INDEX ix_items_a ON items(a);

CREATE INDEX ix_items_sku ON app.items(sku);

CREATE INDEX ix_items_id ON items(id);

UPDATE alembic_version SET version_num = '0001_items' WHERE alembic_version.version_num = '0002_drop';

-- Running downgrade 0001_items -> 

DROP TABLE items;

DROP TABLE app.items;

DROP SCHEMA app;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_items';

COMMIT;
