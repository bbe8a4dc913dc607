\set ON_ERROR_STOP on
-- strata test: downgrade 0002_add_identity -> base (postgresql)
-- from: 0002_add_identity
-- to: base
-- version table: alembic_version
-- sources: sha256:16236e2d725c08ae3f117473056ed056aff04ea102e8d492d141e2e0c6dd19e7 over 2 revision files

BEGIN;

-- Running downgrade 0002_add_identity -> 0001_identity, identity ALWAYS added to existing tables

DELETE FROM events WHERE kind = 'numbered';

ALTER TABLE events DROP n;

ALTER TABLE app."Order Items" DROP note;

ALTER TABLE app."Order Items" DROP "Line No";

UPDATE alembic_version SET version_num = '0001_identity' WHERE alembic_version.version_num = '0002_add_identity';

-- Running downgrade 0001_identity -> , identity columns, ALWAYS and BY DEFAULT

DROP TABLE events;

DROP TABLE app."Order Items";

DROP SCHEMA app;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_identity';

COMMIT;
