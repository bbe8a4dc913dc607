-- revision: 0001_a
-- revises: base

-- +upgrade
-- +only sqlite
-- +dialect sqlite
SELECT 1;
-- +end
