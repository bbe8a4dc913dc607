-- revision: 0001_a
-- revises: base

-- +upgrade
-- +only
CREATE TABLE t (id BIGINT);
