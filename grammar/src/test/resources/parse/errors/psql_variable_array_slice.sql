-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
UPDATE t SET firsts = tags[1:2] WHERE id = 1;
