\set ON_ERROR_STOP on
-- strata test: downgrade 0001_ledger -> base (postgresql)
-- from: 0001_ledger
-- to: base
-- version table: alembic_version
-- sources: sha256:44ae1c058bb5135e839ad3f234e2cf29df3d9ad49546dcaf24c57adde71f16dd over 1 revision file

BEGIN;

-- Running downgrade 0001_ledger -> , comments and dollar quotes, in dialect blocks and out

DROP TRIGGER ledger_guard ON ledger; -- the trigger first
DROP FUNCTION ledger_guard();
DROP FUNCTION ledger_total();

DROP TABLE ledger;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_ledger';

COMMIT;
