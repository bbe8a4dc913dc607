-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect sqlite
INSERT INTO t VALUES ('a);
-- +end
