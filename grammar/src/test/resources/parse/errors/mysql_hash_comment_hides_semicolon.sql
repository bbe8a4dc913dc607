-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mariadb
INSERT INTO t VALUES (1) # the first row
-- +end
