-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET s = 'y' -- looks like a comment line
\! touch /tmp/owned
WHERE id = 1;
