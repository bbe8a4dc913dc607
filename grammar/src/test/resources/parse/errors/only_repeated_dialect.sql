-- revision: 0001_a
-- revises: base

-- +upgrade
-- +only sqlite mysql sqlite
CREATE TABLE t (id BIGINT);
