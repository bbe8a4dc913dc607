-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect postgresql
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
\! touch /tmp/owned
-- +end
