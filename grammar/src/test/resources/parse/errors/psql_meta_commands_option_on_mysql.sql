-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mysql psql-meta-commands
SELECT 1;
-- +end
