.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_select_truncate -> base (sqlite)
-- from: 0001_select_truncate
-- to: base
-- version table: alembic_version
-- sources: sha256:adcb2ed6f4312367d5bd2cf94dc0cd484c4bfedc530d68429ff8180475ec2e8b over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_edfe5b0005ab (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_select_truncate], the rows this script starts from` CHECK ((value IS '0001_select_truncate'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_select_truncate');

INSERT INTO temp.strata_check_edfe5b0005ab (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_select_truncate -> , SELECT for its effect, TRUNCATE

DROP TABLE scratch;

DROP TABLE item_notes;

DROP TABLE items;

CREATE TABLE IF NOT EXISTS temp.strata_check_5da89627d4c0 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_select_truncate changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_select_truncate';
INSERT INTO temp.strata_check_5da89627d4c0 (value) VALUES (changes());

COMMIT;
