-- revision: 0002_changes
-- revises: 0001_accounts
-- message: data changes

-- +upgrade
UPDATE accounts SET status = 'closed', meta = meta || '{"why": "?"}'::jsonb WHERE meta ? 'closed';
UPDATE accounts SET n = n + 1;
DELETE FROM accounts WHERE status = 'closed';
DELETE FROM accounts;

-- +downgrade
INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');
