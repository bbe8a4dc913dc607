.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0002_ok_mood -> base (sqlite)
-- from: 0002_ok_mood
-- to: base
-- version table: alembic_version
-- sources: sha256:64534a5d6d2c1ba20e772a2d7633336ccdba7ce3626c33d3e2c4116a6c0e2221 over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_320958e3e6a2 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0002_ok_mood], the rows this script starts from` CHECK ((value IS '0002_ok_mood'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0002_ok_mood');

INSERT INTO temp.strata_check_320958e3e6a2 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0002_ok_mood -> 0001_people, a new enum value, used at once

-- skipped: dialect block for postgresql

DELETE FROM people WHERE id = 1;

CREATE TABLE IF NOT EXISTS temp.strata_check_4637bff32fb5 (
    value int,
    CONSTRAINT `strata: version-table update 0002_ok_mood -> 0001_people changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_people' WHERE alembic_version.version_num = '0002_ok_mood';
INSERT INTO temp.strata_check_4637bff32fb5 (value) VALUES (changes());

-- Running downgrade 0001_people -> , people with a mood

DROP TABLE people;

-- skipped: dialect block for postgresql

CREATE TABLE IF NOT EXISTS temp.strata_check_6497d0711dee (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_people changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_people';
INSERT INTO temp.strata_check_6497d0711dee (value) VALUES (changes());

COMMIT;
