\set ON_ERROR_STOP on
-- strata test: downgrade 0002_drop -> base (postgresql)
-- from: 0002_drop
-- to: base
-- version table: alembic_version
-- sources: sha256:a9fa59600433da4b9d4586c7ee9e6f6018541848bd3dbde2d1b4a974dfcdfcf1 over 2 revision files

BEGIN;

-- Running downgrade 0002_drop -> 0001_schemas, drop schemas

CREATE SCHEMA billing;

CREATE SCHEMA "Audit";

CREATE TABLE "Audit".log (
    line text
);

UPDATE alembic_version SET version_num = '0001_schemas' WHERE alembic_version.version_num = '0002_drop';

-- Running downgrade 0001_schemas -> , schemas

DROP TABLE "Audit".log;

DROP SCHEMA "Audit";

DROP SCHEMA IF EXISTS billing;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_schemas';

COMMIT;
