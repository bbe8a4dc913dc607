.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0001_things (sqlite)
-- from: base
-- to: 0001_things
-- version table: alembic_version
-- sources: sha256:2b910df372c74aca19e1e23ceb935b0f4b01c7a6c128129918a3929aa261d24a over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_d2cc2fa6adab (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0001_things], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0001_things')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_d2cc2fa6adab (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_things, things

CREATE TABLE things (
    id integer,
    updated_at datetime
);

-- skipped: dialect block for postgresql

-- skipped: dialect block for mysql

SELECT 1;

-- skipped: dialect block for postgresql

INSERT INTO alembic_version (version_num) VALUES ('0001_things');

COMMIT;
