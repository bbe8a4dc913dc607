\set ON_ERROR_STOP on
-- strata test: downgrade 0003_notes -> base (postgresql)
-- from: 0003_notes
-- to: base
-- version table: alembic_version
-- sources: sha256:791ab43524ad9ba97dadf6c3657a25e7d8ad6ee6284de6b7b68f7d80ce768351 over 3 revision files

BEGIN;

-- Running downgrade 0003_notes -> 0002_accounts, multi-line default

DROP TABLE notes;

UPDATE alembic_version SET version_num = '0002_accounts' WHERE alembic_version.version_num = '0003_notes';

-- Running downgrade 0002_accounts -> 0001_owners, every column type

DROP TABLE public.accounts;

UPDATE alembic_version SET version_num = '0001_owners' WHERE alembic_version.version_num = '0002_accounts';

-- Running downgrade 0001_owners -> , create owners

DROP TABLE owners;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_owners';

COMMIT;
