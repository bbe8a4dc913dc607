-- revision: 0001_a
-- revises: base

-- +upgrade
-- +dialect postgresql
CREATE TABLE t (id BIGINT) WITH (fillfactor = 70);
-- +end
-- +model
CREATE TABLE t (id BIGINT);

-- +downgrade
DROP TABLE t;
