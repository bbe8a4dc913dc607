-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
ALTER TABLE t ADD COLUMN created_by TEXT DEFAULT :'USER';
