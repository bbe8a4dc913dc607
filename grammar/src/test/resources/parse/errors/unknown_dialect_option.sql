-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect postgresql psql-commands
SELECT 1;
-- +end
