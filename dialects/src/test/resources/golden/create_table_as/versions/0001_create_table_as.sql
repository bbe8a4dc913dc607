-- revision: 0001_create_table_as
-- revises: base
-- message: tables made from queries, with and without data

-- +upgrade
CREATE TABLE accounts (id BIGINT PRIMARY KEY, name TEXT NOT NULL, active BOOLEAN NOT NULL DEFAULT true);
INSERT INTO accounts (id, name, active) VALUES (1, 'a', true), (2, 'b', false);
CREATE TABLE active_accounts AS SELECT id, name FROM accounts WHERE active;
CREATE TABLE IF NOT EXISTS account_names WITH (fillfactor = 80) AS SELECT name FROM accounts WITH NO DATA;
CREATE UNLOGGED TABLE account_copy AS TABLE accounts;
CREATE TABLE recent AS WITH r AS (SELECT id FROM accounts ORDER BY id DESC LIMIT 1) SELECT * FROM r WITH DATA;
CREATE TABLE pairs AS VALUES (1, 'one'), (2, 'two');

-- +downgrade
DROP TABLE pairs, recent, account_copy, account_names, active_accounts;
DROP TABLE accounts;
