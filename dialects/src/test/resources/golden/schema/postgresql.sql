\set ON_ERROR_STOP on
-- strata 0.1.0: upgrade base -> 0002_drop (postgresql)
-- from: base
-- to: 0002_drop
-- version table: alembic_version
-- sources: sha256:cd40152506115eee1abd4a9efd4e19ba0b2f205a6e4922503ad512a9b8fe58de over 2 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_schemas, schemas

CREATE SCHEMA billing;

CREATE SCHEMA IF NOT EXISTS billing;

CREATE SCHEMA "Audit";

CREATE TABLE "Audit".log (
    line text
);

DROP SCHEMA IF EXISTS scratch CASCADE;

INSERT INTO alembic_version (version_num) VALUES ('0001_schemas');

-- Running upgrade 0001_schemas -> 0002_drop, drop schemas

DROP SCHEMA "Audit" CASCADE;

DROP SCHEMA billing;

UPDATE alembic_version SET version_num = '0002_drop' WHERE alembic_version.version_num = '0001_schemas';

COMMIT;
