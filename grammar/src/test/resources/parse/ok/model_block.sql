-- revision: 0001_a
-- revises: base

-- +upgrade
-- +dialect postgresql
CREATE TABLE t (id BIGINT) WITH (fillfactor = 70);
-- +end
-- a comment between the block and its model
-- +model
CREATE TABLE t (id BIGINT);
COMMENT ON TABLE t IS 'made by hand';
-- +end
CREATE INDEX ix_t_id ON t (id);

-- +downgrade
DROP TABLE t;
