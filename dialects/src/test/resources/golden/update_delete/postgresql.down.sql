\set ON_ERROR_STOP on
-- strata test: downgrade 0002_changes -> base (postgresql)
-- from: 0002_changes
-- to: base
-- version table: alembic_version
-- sources: sha256:7dbdb2fd22bcb5a9c6e41524069097b979c7c73f6e6d13db854b7d295c4df8ec over 2 revision files

BEGIN;

-- Running downgrade 0002_changes -> 0001_accounts, data changes

INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');

UPDATE alembic_version SET version_num = '0001_accounts' WHERE alembic_version.version_num = '0002_changes';

-- Running downgrade 0001_accounts -> , accounts

DROP TABLE accounts;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_accounts';

COMMIT;
