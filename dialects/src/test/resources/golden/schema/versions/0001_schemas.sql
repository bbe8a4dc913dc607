-- revision: 0001_schemas
-- revises: base
-- message: schemas

-- +upgrade
CREATE SCHEMA billing;
CREATE SCHEMA IF NOT EXISTS billing;
CREATE SCHEMA "Audit";
CREATE TABLE "Audit".log (line TEXT);
DROP SCHEMA IF EXISTS scratch CASCADE;

-- +downgrade
DROP TABLE "Audit".log;
DROP SCHEMA "Audit";
DROP SCHEMA IF EXISTS billing RESTRICT;
