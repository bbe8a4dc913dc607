\set ON_ERROR_STOP on
-- strata test: downgrade 0001_currencies -> base (postgresql)
-- from: 0001_currencies
-- to: base
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

BEGIN;

-- Running downgrade 0001_currencies -> , currencies

DELETE FROM currencies WHERE code IN ('EUR', 'USD', 'JPY', 'XTS', 'GBP');

DROP TABLE currencies;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_currencies';

COMMIT;
