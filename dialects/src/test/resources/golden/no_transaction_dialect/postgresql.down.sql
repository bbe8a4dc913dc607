\set ON_ERROR_STOP on
-- strata test: downgrade 0002_ok_mood -> base (postgresql)
-- from: 0002_ok_mood
-- to: base
-- version table: alembic_version
-- sources: sha256:64534a5d6d2c1ba20e772a2d7633336ccdba7ce3626c33d3e2c4116a6c0e2221 over 2 revision files

-- Running downgrade 0002_ok_mood -> 0001_people, a new enum value, used at once

DROP INDEX CONCURRENTLY ix_people_mood;

BEGIN;

DELETE FROM people WHERE id = 1;

UPDATE alembic_version SET version_num = '0001_people' WHERE alembic_version.version_num = '0002_ok_mood';

-- Running downgrade 0001_people -> , people with a mood

DROP TABLE people;

DROP TYPE mood;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_people';

COMMIT;
