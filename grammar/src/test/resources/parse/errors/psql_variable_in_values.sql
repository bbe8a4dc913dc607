-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
INSERT INTO t (id, s) VALUES (1, :'DBNAME');
