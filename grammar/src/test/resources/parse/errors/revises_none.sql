-- revision: 0001_first
-- revises: None
-- message: Alembic writes down_revision = None

-- +upgrade
CREATE TABLE t (id INTEGER);
