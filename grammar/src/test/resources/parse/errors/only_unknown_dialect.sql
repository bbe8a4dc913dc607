-- revision: 0001_a
-- revises: base

-- +upgrade
-- +only postgres
CREATE TABLE t (id BIGINT);
