\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0002_drop (postgresql)
-- from: base
-- to: 0002_drop
-- version table: alembic_version
-- sources: sha256:8d7b6528163a6cc8ad0511db379aeb2123d31a730fa510d9afbbc56fcd193df2 over 2 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_items

CREATE SCHEMA app;

CREATE TABLE app.items (
    id int,
    sku text
);

CREATE TABLE items (
    id int,
    a int
);

CREATE INDEX ix_items_sku ON app.items(sku);

CREATE INDEX ix_items_id ON items(id);

CREATE INDEX ix_items_a ON items(a);

CREATE INDEX ix_items_a_id ON items(a, id);

INSERT INTO alembic_version (version_num) VALUES ('0001_items');

-- Running upgrade 0001_items -> 0002_drop, drop indexes

DROP INDEX ix_items_id;

DROP INDEX IF EXISTS ix_missing CASCADE;

DROP INDEX app.ix_items_sku;

COMMIT;

DROP INDEX CONCURRENTLY ix_items_a;

DROP INDEX CONCURRENTLY IF EXISTS ix_items_a_id;

BEGIN;

UPDATE alembic_version SET version_num = '0002_drop' WHERE alembic_version.version_num = '0001_items';

COMMIT;
