-- revision: 0003_notes
-- revises: 0002_accounts
-- message: multi-line default

-- +upgrade
CREATE TABLE notes (body TEXT DEFAULT 'line one
line two');

-- +downgrade
DROP TABLE notes;
