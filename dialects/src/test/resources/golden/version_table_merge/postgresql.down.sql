\set ON_ERROR_STOP on
-- strata test: downgrade 0004_merge -> base (postgresql)
-- from: 0004_merge
-- to: base
-- version table: alembic_version
-- sources: sha256:948251bcfdf36d55529caef32895b390a7a19d8d112b156ce2537b398b031867 over 4 revision files

BEGIN;

-- Running downgrade 0004_merge -> 0002_last_tx, 0003_cart, merge

INSERT INTO alembic_version (version_num) VALUES ('0003_cart');

UPDATE alembic_version SET version_num = '0002_last_tx' WHERE alembic_version.version_num = '0004_merge';

-- Running downgrade 0002_last_tx -> 0001_account, add last_tx

ALTER TABLE account DROP last_tx;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0002_last_tx';

-- Running downgrade 0003_cart -> 0001_account, create cart

DROP TABLE cart;

UPDATE alembic_version SET version_num = '0001_account' WHERE alembic_version.version_num = '0003_cart';

-- Running downgrade 0001_account -> , create account

DROP TABLE IF EXISTS account CASCADE;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_account';

COMMIT;
