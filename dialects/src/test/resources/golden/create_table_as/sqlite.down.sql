.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_create_table_as -> base (sqlite)
-- from: 0001_create_table_as
-- to: base
-- version table: alembic_version
-- sources: sha256:7f7f6429fb960f5e0970593bd2886d61e898e5671240582e46dec8f64c0e0dd7 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_bdeaec398ff0 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_create_table_as], the rows this script starts from` CHECK ((value IS '0001_create_table_as'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_create_table_as');

INSERT INTO temp.strata_check_bdeaec398ff0 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_create_table_as -> , tables made from queries, with and without data

DROP TABLE pairs;

DROP TABLE recent;

DROP TABLE account_copy;

DROP TABLE account_names;

DROP TABLE active_accounts;

DROP TABLE accounts;

CREATE TABLE IF NOT EXISTS temp.strata_check_63883b4bc888 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_create_table_as changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_create_table_as';
INSERT INTO temp.strata_check_63883b4bc888 (value) VALUES (changes());

COMMIT;
