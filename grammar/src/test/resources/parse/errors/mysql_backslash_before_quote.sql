-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mysql
INSERT INTO t VALUES ('it\'s');
-- +end
