.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0002_joins -> base (sqlite)
-- from: 0002_joins
-- to: base
-- version table: alembic_version
-- sources: sha256:2b8e36d75727aba94b88657678da5c38c2f8767b37dc32de57a36fd575eebc14 over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_f179b94acdc3 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0002_joins], the rows this script starts from` CHECK ((value IS '0002_joins'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0002_joins');

INSERT INTO temp.strata_check_f179b94acdc3 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0002_joins -> 0001_tables, UPDATE ... FROM, DELETE ... USING, row SET items, aliases

UPDATE users SET plan = NULL, seats = NULL;

CREATE TABLE IF NOT EXISTS temp.strata_check_99f5570c9630 (
    value int,
    CONSTRAINT `strata: version-table update 0002_joins -> 0001_tables changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_tables' WHERE alembic_version.version_num = '0002_joins';
INSERT INTO temp.strata_check_99f5570c9630 (value) VALUES (changes());

-- Running downgrade 0001_tables -> , plans, users, sessions

DROP TABLE sessions;

DROP TABLE users;

DROP TABLE plans;

CREATE TABLE IF NOT EXISTS temp.strata_check_7feb9f5dc295 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_tables changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_tables';
INSERT INTO temp.strata_check_7feb9f5dc295 (value) VALUES (changes());

COMMIT;
