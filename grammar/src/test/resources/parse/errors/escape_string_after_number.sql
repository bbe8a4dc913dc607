-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET s = 1E'x' WHERE id = 1;
