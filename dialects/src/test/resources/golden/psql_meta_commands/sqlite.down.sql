.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_answers -> base (sqlite)
-- from: 0001_answers
-- to: base
-- version table: alembic_version
-- sources: sha256:416e200f85652bf8007ec866788f71f1161c09e40ea034406939ebee010e023d over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_17ebaf3786d9 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_answers], the rows this script starts from` CHECK ((value IS '0001_answers'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_answers');

INSERT INTO temp.strata_check_17ebaf3786d9 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_answers -> , answers, seeded through psql variables

-- skipped: dialect block for postgresql

DROP TABLE answers;

CREATE TABLE IF NOT EXISTS temp.strata_check_6ecfc8a2d2dc (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_answers changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_answers';
INSERT INTO temp.strata_check_6ecfc8a2d2dc (value) VALUES (changes());

COMMIT;
