.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_ledger -> base (sqlite)
-- from: 0001_ledger
-- to: base
-- version table: alembic_version
-- sources: sha256:b6e27b0ad522dfcf2af558da1ddeba4189ebd65c598158ed86de421153bf6763 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_e079856cc1cd (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_ledger], the rows this script starts from` CHECK ((value IS '0001_ledger'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_ledger');

INSERT INTO temp.strata_check_e079856cc1cd (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_ledger -> , comments and dollar quotes, in dialect blocks and out

-- skipped: dialect block for postgresql

DROP TABLE ledger;

CREATE TABLE IF NOT EXISTS temp.strata_check_604f0c5dc7be (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_ledger changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_ledger';
INSERT INTO temp.strata_check_604f0c5dc7be (value) VALUES (changes());

COMMIT;
