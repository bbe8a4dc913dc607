-- revision: 0002_drop
-- revises: 0001_schemas
-- message: drop schemas

-- +upgrade
DROP SCHEMA "Audit" CASCADE;
DROP SCHEMA billing;

-- +downgrade
CREATE SCHEMA billing;
CREATE SCHEMA "Audit";
CREATE TABLE "Audit".log (line TEXT);
