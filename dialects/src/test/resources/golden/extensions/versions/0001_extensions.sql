-- revision: 0001_extensions
-- revises: base
-- message: extensions, a PostgreSQL-only statement written without a block

-- +upgrade
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA ext;
CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS citext SCHEMA public VERSION '1.6' CASCADE;
CREATE TABLE accounts (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), token TEXT DEFAULT ext.uuid_generate_v4()::text);

-- +downgrade
DROP TABLE accounts;
DROP EXTENSION IF EXISTS citext, "uuid-ossp" CASCADE;
DROP SCHEMA ext;
DROP EXTENSION pgcrypto RESTRICT;
