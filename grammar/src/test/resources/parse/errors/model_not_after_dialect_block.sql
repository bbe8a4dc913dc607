-- revision: 0001_a
-- revises: base

-- +upgrade
CREATE TABLE t (id BIGINT);
-- +model
CREATE TABLE t (id BIGINT);
-- +end
