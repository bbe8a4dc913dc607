\set ON_ERROR_STOP on
-- strata test: downgrade 0003_last -> base (postgresql)
-- from: 0003_last
-- to: base
-- version table: alembic_version
-- sources: sha256:8dd638618c6cb3ea31f723e4dbdb5180579b44ccc1eec792fea5445efb90bcb4 over 3 revision files

-- Running downgrade 0003_last -> 0002_mid, ends outside a transaction

DROP INDEX ix_t_z;

DROP INDEX CONCURRENTLY ix_t_w;

BEGIN;

ALTER TABLE t DROP z;

UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0003_last';

-- Running downgrade 0002_mid -> 0001_t, starts outside a transaction

ALTER TABLE t DROP w;

COMMIT;

DROP INDEX CONCURRENTLY ix_t_id;

BEGIN;

UPDATE alembic_version SET version_num = '0001_t' WHERE alembic_version.version_num = '0002_mid';

-- Running downgrade 0001_t -> , t

DROP TABLE t;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_t';

COMMIT;
