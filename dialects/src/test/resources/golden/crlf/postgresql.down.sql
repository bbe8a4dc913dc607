\set ON_ERROR_STOP on
-- strata test: downgrade 0001_ledger -> base (postgresql)
-- from: 0001_ledger
-- to: base
-- version table: alembic_version
-- sources: sha256:b6e27b0ad522dfcf2af558da1ddeba4189ebd65c598158ed86de421153bf6763 over 1 revision file

BEGIN;

-- Running downgrade 0001_ledger -> , comments and dollar quotes, in dialect blocks and out

DROP TRIGGER ledger_guard ON ledger; -- the trigger first
DROP FUNCTION ledger_guard();
DROP FUNCTION ledger_total();

DROP TABLE ledger;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_ledger';

COMMIT;
