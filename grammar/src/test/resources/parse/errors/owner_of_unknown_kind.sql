-- revision: 0002_owners
-- revises: 0001_base

-- +upgrade
ALTER WIDGET gadgets OWNER TO app_user;
