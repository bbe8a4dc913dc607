-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mariadb
CREATE TABLE t (a INT);
\! touch /tmp/owned
-- +end
