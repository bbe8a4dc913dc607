\set ON_ERROR_STOP on
-- strata test: downgrade 0002_indexes -> base (postgresql)
-- from: 0002_indexes
-- to: base
-- version table: alembic_version
-- sources: sha256:1b7efa35885d066ac855ac61ea56b37ad5a463f59a943dbe3e27a39c4f99891d over 2 revision files

-- Running downgrade 0002_indexes -> 0001_users, index users

DROP INDEX CONCURRENTLY uq_users_id;

DROP INDEX CONCURRENTLY IF EXISTS ix_users_deleted;

BEGIN;

DROP INDEX ix_users_k;

DROP INDEX ix_users_data;

DROP INDEX users_tenant_idx;

DROP INDEX IF EXISTS uq_users_tenant_email;

DROP INDEX public.ix_users_email;

UPDATE alembic_version SET version_num = '0001_users' WHERE alembic_version.version_num = '0002_indexes';

-- Running downgrade 0001_users -> , users

DROP TABLE users;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_users';

COMMIT;
