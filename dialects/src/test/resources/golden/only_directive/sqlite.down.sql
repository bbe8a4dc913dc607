.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0002_postgres_only -> base (sqlite)
-- from: 0002_postgres_only
-- to: base
-- version table: alembic_version
-- sources: sha256:3346ecf2d984a09dbb8705e613636e98a7cd013eb883a0de760a99359d481e70 over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_dce8b145529e (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0002_postgres_only], the rows this script starts from` CHECK ((value IS '0002_postgres_only'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0002_postgres_only');

INSERT INTO temp.strata_check_dce8b145529e (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0002_postgres_only -> 0001_only, a revision that does nothing outside PostgreSQL, on purpose

-- skipped: line 11 is only for postgresql

CREATE TABLE IF NOT EXISTS temp.strata_check_a1b4810b8714 (
    value int,
    CONSTRAINT `strata: version-table update 0002_postgres_only -> 0001_only changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_only' WHERE alembic_version.version_num = '0002_postgres_only';
INSERT INTO temp.strata_check_a1b4810b8714 (value) VALUES (changes());

-- Running downgrade 0001_only -> , statements for some dialects only

DROP INDEX ix_people_email_lower;

DROP TABLE people;

CREATE TABLE IF NOT EXISTS temp.strata_check_54679114f273 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_only changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_only';
INSERT INTO temp.strata_check_54679114f273 (value) VALUES (changes());

COMMIT;
