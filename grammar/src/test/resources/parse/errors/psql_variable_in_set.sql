-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET s = :'HOST' WHERE id = 1;
