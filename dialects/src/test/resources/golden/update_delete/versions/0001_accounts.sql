-- revision: 0001_accounts
-- revises: base
-- message: accounts

-- +upgrade
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    status TEXT,
    n INTEGER NOT NULL DEFAULT 0,
    meta JSONB NOT NULL DEFAULT '{}'::jsonb
);

INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');

-- +downgrade
DROP TABLE accounts;
