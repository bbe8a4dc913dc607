-- revision: 0001_t
-- revises: base
-- message: t

-- +upgrade
CREATE TABLE t (id INTEGER, v TEXT);

-- +downgrade
DROP TABLE t;
