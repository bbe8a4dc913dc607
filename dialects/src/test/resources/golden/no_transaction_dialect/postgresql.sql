\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0002_ok_mood (postgresql)
-- from: base
-- to: 0002_ok_mood
-- version table: alembic_version
-- sources: sha256:cac16d9c9f13306073390fabd4a4cdbe85c13465baaee9599e607d17721ad983 over 2 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_people, people with a mood

CREATE TYPE mood AS ENUM ('sad', 'happy');

CREATE TABLE people (
    id int,
    name text NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE people ADD COLUMN mood mood;

INSERT INTO alembic_version (version_num) VALUES ('0001_people');

COMMIT;

-- Running upgrade 0001_people -> 0002_ok_mood, a new enum value, used at once

ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';

BEGIN;

INSERT INTO people (id, name, mood) VALUES (1, 'Ada', 'ok');

COMMIT;

CREATE INDEX CONCURRENTLY ix_people_mood ON people (mood);
REINDEX INDEX CONCURRENTLY ix_people_mood;

BEGIN;

UPDATE alembic_version SET version_num = '0002_ok_mood' WHERE alembic_version.version_num = '0001_people';

COMMIT;
