-- revision: 0001_people
-- revises: base
-- message: people with a mood

-- +upgrade
-- +dialect postgresql
CREATE TYPE mood AS ENUM ('sad', 'happy');
-- +end

CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- +dialect postgresql
ALTER TABLE people ADD COLUMN mood mood;
-- +end

-- +downgrade
DROP TABLE people;

-- +dialect postgresql
DROP TYPE mood;
-- +end
