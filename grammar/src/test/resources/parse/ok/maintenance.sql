-- revision: 0005_maintenance
-- revises: base
-- message: statements PostgreSQL runs only outside a transaction, and others of the server

-- +upgrade
VACUUM;
VACUUM (VERBOSE, ANALYZE) users;
ANALYZE users (email);
ANALYZE;
REINDEX INDEX CONCURRENTLY ix_users_email;
REINDEX TABLE users;
REINDEX (VERBOSE) SCHEMA public;
ALTER SYSTEM SET work_mem = '64MB';
CREATE DATABASE reports WITH OWNER = postgres TEMPLATE = template0;
DROP DATABASE IF EXISTS old_reports WITH (FORCE);
LOCK TABLE users, public.accounts IN ACCESS EXCLUSIVE MODE NOWAIT;
LOCK events;
NOTIFY schema_changed, 'users';
NOTIFY cache;

-- +downgrade
-- +irreversible
