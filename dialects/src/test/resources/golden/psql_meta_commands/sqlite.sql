.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0001_answers (sqlite)
-- from: base
-- to: 0001_answers
-- version table: alembic_version
-- sources: sha256:416e200f85652bf8007ec866788f71f1161c09e40ea034406939ebee010e023d over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_696fc7363d84 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0001_answers], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0001_answers')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_696fc7363d84 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_answers, answers, seeded through psql variables

CREATE TABLE answers (
    n integer NOT NULL,
    said_by text NOT NULL
);

-- skipped: dialect block for postgresql

INSERT INTO alembic_version (version_num) VALUES ('0001_answers');

COMMIT;
