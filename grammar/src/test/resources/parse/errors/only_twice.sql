-- revision: 0001_a
-- revises: base

-- +upgrade
-- +only sqlite
-- +only mysql
CREATE TABLE t (id BIGINT);
