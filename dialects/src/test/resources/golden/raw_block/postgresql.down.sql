\set ON_ERROR_STOP on
-- strata test: downgrade 0001_things -> base (postgresql)
-- from: 0001_things
-- to: base
-- version table: alembic_version
-- sources: sha256:2b910df372c74aca19e1e23ceb935b0f4b01c7a6c128129918a3929aa261d24a over 1 revision file

BEGIN;

-- Running downgrade 0001_things -> , things

DROP TRIGGER things_touch ON things;
DROP FUNCTION touch();

-- skipped: dialect block for mysql

DROP TABLE things;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_things';

COMMIT;
