-- revision: 0001_account
-- revises: base
-- message: create account

-- +upgrade
CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT);

-- +downgrade
DROP TABLE IF EXISTS account CASCADE;
