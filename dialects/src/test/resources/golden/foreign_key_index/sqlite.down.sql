.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0002_index -> base (sqlite)
-- from: 0002_index
-- to: base
-- version table: alembic_version
-- sources: sha256:336d8f014f1b412c5a3358733554e1784da6d865997a448ac95f696561f2540e over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_3ddb98f65b6e (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0002_index], the rows this script starts from` CHECK ((value IS '0002_index'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0002_index');

INSERT INTO temp.strata_check_3ddb98f65b6e (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0002_index -> 0001_tables, an index InnoDB takes over for the foreign key; dropping it gives the key its own back

DROP INDEX ix_children_parent_id;

CREATE TABLE IF NOT EXISTS temp.strata_check_688ac1007457 (
    value int,
    CONSTRAINT `strata: version-table update 0002_index -> 0001_tables changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_tables' WHERE alembic_version.version_num = '0002_index';
INSERT INTO temp.strata_check_688ac1007457 (value) VALUES (changes());

-- Running downgrade 0001_tables -> , a foreign key without an index of its own

DROP TABLE children;

DROP TABLE parents;

CREATE TABLE IF NOT EXISTS temp.strata_check_7feb9f5dc295 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_tables changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_tables';
INSERT INTO temp.strata_check_7feb9f5dc295 (value) VALUES (changes());

COMMIT;
