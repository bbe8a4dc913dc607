.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_upsert -> base (sqlite)
-- from: 0001_upsert
-- to: base
-- version table: alembic_version
-- sources: sha256:3cb7842e6e3608f9accded718a9bc605f57ef9ca75d092225a3af13a215b8597 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_c4702408e0be (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_upsert], the rows this script starts from` CHECK ((value IS '0001_upsert'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_upsert');

INSERT INTO temp.strata_check_c4702408e0be (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_upsert -> , ON CONFLICT, DEFAULT VALUES, OVERRIDING

DROP TABLE fixed;

DROP TABLE counters;

DROP TABLE settings;

CREATE TABLE IF NOT EXISTS temp.strata_check_6ee0edaef0c1 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_upsert changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_upsert';
INSERT INTO temp.strata_check_6ee0edaef0c1 (value) VALUES (changes());

COMMIT;
