-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mysql
CREATE TABLE t (a INT);
system touch /tmp/owned
-- +end
