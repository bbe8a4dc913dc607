.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_things -> base (sqlite)
-- from: 0001_things
-- to: base
-- version table: alembic_version
-- sources: sha256:2b910df372c74aca19e1e23ceb935b0f4b01c7a6c128129918a3929aa261d24a over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_a98ec4836bf8 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_things], the rows this script starts from` CHECK ((value IS '0001_things'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_things');

INSERT INTO temp.strata_check_a98ec4836bf8 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_things -> , things

-- skipped: dialect block for postgresql

-- skipped: dialect block for mysql

DROP TABLE things;

CREATE TABLE IF NOT EXISTS temp.strata_check_5a8f9760c381 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_things changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_things';
INSERT INTO temp.strata_check_5a8f9760c381 (value) VALUES (changes());

COMMIT;
