\set ON_ERROR_STOP on
-- strata test: downgrade 0003_notes -> base (postgresql)
-- from: 0003_notes
-- to: base
-- version table: alembic_version
-- sources: sha256:d5613d2cc1c7a24ea94753d78f13de2f699d031d9f57cf91f8d4f39f141c0355 over 3 revision files

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
