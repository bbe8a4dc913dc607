-- revision: 0001_table
-- revises: base
-- message: a table, and the settings the script runs under, recorded

-- +upgrade
CREATE TABLE t (id INT, email TEXT);
CREATE TABLE script_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO script_settings (name, value) SELECT name, setting FROM pg_settings WHERE name IN ('lock_timeout', 'statement_timeout');

-- +downgrade
DROP TABLE script_settings;
DROP TABLE t;
