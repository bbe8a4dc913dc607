-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET path = 'C:\' WHERE id = 1;
