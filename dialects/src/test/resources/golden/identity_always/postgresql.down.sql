\set ON_ERROR_STOP on
-- strata test: downgrade 0002_add_identity -> base (postgresql)
-- from: 0002_add_identity
-- to: base
-- version table: alembic_version
-- sources: sha256:45b044569eb3435437a08c311e1683082cdfcfee184d35473ed264e123800ff8 over 2 revision files

BEGIN;

-- Running downgrade 0002_add_identity -> 0001_identity, identity ALWAYS added to existing tables

DELETE FROM events WHERE kind = 'numbered';

ALTER TABLE events DROP n;

ALTER TABLE app."Order Items" DROP note;

ALTER TABLE app."Order Items" DROP "Line No";

UPDATE alembic_version SET version_num = '0001_identity' WHERE alembic_version.version_num = '0002_add_identity';

-- Running downgrade 0001_identity -> , identity columns, ALWAYS and BY DEFAULT

DROP TABLE counters;

DROP TABLE events;

DROP TABLE app."Order Items";

DROP SCHEMA app;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_identity';

COMMIT;
