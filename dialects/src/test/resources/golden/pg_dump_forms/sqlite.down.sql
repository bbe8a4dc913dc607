.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_pg_dump_forms -> base (sqlite)
-- from: 0001_pg_dump_forms
-- to: base
-- version table: alembic_version
-- sources: sha256:ba35393e2414bf6d1d4555196790f39e22e938ffb4653b14464b8534e2257306 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_785b279ffb13 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_pg_dump_forms], the rows this script starts from` CHECK ((value IS '0001_pg_dump_forms'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_pg_dump_forms');

INSERT INTO temp.strata_check_785b279ffb13 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_pg_dump_forms -> , forms pg_dump and hand-written schemas use: COLLATE after NOT NULL, OPERATOR(=) in an exclusion, a parenthesized INSERT query

DROP TABLE application_copy;

DROP TABLE application;

CREATE TABLE IF NOT EXISTS temp.strata_check_a6f61f82b855 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_pg_dump_forms changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_pg_dump_forms';
INSERT INTO temp.strata_check_a6f61f82b855 (value) VALUES (changes());

COMMIT;
