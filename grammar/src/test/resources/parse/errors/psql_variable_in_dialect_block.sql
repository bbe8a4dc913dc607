-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect postgresql
COMMENT ON TABLE t IS :'note';
-- +end
