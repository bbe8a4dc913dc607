-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect sqlite
CREATE TABLE t (a INT);
.shell touch /tmp/owned
-- +end
