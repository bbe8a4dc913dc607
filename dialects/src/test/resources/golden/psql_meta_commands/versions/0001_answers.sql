-- revision: 0001_answers
-- revises: base
-- message: answers, seeded through psql variables

-- +upgrade
CREATE TABLE answers (n INTEGER NOT NULL, said_by TEXT NOT NULL);

-- psql meta-commands on purpose: the block says so on its first line
-- +dialect postgresql psql-meta-commands
\set answer 42
\set who 'deep thought'
INSERT INTO answers (n, said_by) VALUES (:answer, :'who');
\set checked true
-- +end

-- +downgrade
-- +dialect postgresql psql-meta-commands
\echo dropping the answers
-- +end
DROP TABLE answers;
