.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_docs -> base (sqlite)
-- from: 0001_docs
-- to: base
-- version table: alembic_version
-- sources: sha256:ceb08e7bb52b2539f9100118a1717c96b25a6ad36dc876a0b4a974bfcbd7c389 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_a638696241bd (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_docs], the rows this script starts from` CHECK ((value IS '0001_docs'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_docs');

INSERT INTO temp.strata_check_a638696241bd (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_docs -> , || of two JSON columns (no cast says so: the model does) and of two texts

DROP TABLE docs;

CREATE TABLE IF NOT EXISTS temp.strata_check_949ad01b72b1 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_docs changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_docs';
INSERT INTO temp.strata_check_949ad01b72b1 (value) VALUES (changes());

COMMIT;
