-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade 
CREATE TABLE t (id BIGINT PRIMARY KEY);
