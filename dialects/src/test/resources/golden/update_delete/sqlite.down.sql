.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0002_changes -> base (sqlite)
-- from: 0002_changes
-- to: base
-- version table: alembic_version
-- sources: sha256:7dbdb2fd22bcb5a9c6e41524069097b979c7c73f6e6d13db854b7d295c4df8ec over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_2a5c8bd91ffa (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0002_changes], the rows this script starts from` CHECK ((value IS '0002_changes'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0002_changes');

INSERT INTO temp.strata_check_2a5c8bd91ffa (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0002_changes -> 0001_accounts, data changes

INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');

CREATE TABLE IF NOT EXISTS temp.strata_check_8c3d2d151e66 (
    value int,
    CONSTRAINT `strata: version-table update 0002_changes -> 0001_accounts changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_accounts' WHERE alembic_version.version_num = '0002_changes';
INSERT INTO temp.strata_check_8c3d2d151e66 (value) VALUES (changes());

-- Running downgrade 0001_accounts -> , accounts

DROP TABLE accounts;

CREATE TABLE IF NOT EXISTS temp.strata_check_e38c05d3c383 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_accounts changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_accounts';
INSERT INTO temp.strata_check_e38c05d3c383 (value) VALUES (changes());

COMMIT;
