-- revision: 0001_a
-- revises: base

-- +upgrade
CREATE TABLE t (id BIGINT);
-- +only sqlite

-- +downgrade
DROP TABLE t;
