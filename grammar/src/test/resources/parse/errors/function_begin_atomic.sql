-- revision: 0002_add_one
-- revises: 0001_base

-- +upgrade
CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql
BEGIN ATOMIC
    SELECT i + 1;
END;
