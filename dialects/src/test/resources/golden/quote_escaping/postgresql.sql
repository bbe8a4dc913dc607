\set ON_ERROR_STOP on
-- strata test: upgrade base -> x'y (postgresql)
-- from: base
-- to: x'y
-- version table: alembic_version
-- sources: sha256:5dc074358b5a08ce1a52eeb92f860f7ca9f5e160415592329eeb98733259de90 over 2 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> o'brien, ids are literals

INSERT INTO alembic_version (version_num) VALUES ('o''brien');

-- Running upgrade o'brien -> x'y

UPDATE alembic_version SET version_num = 'x''y' WHERE alembic_version.version_num = 'o''brien';

COMMIT;
