-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
ALTER TABLE t ALTER COLUMN id SET OWNED BY NONE;
