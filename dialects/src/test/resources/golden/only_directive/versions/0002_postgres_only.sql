-- revision: 0002_postgres_only
-- revises: 0001_only
-- message: a revision that does nothing outside PostgreSQL, on purpose

-- +upgrade
-- +only postgresql
CREATE SCHEMA audit;

-- +downgrade
-- +only postgresql
DROP SCHEMA audit;
