-- revision: 0003_add_email
-- message: no revises line

-- +upgrade
DROP TABLE t;
