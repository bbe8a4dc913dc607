-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET s = 'x' \! touch /tmp/owned
WHERE id = 1;
