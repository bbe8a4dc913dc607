.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0002_postgres_only (sqlite)
-- from: base
-- to: 0002_postgres_only
-- version table: alembic_version
-- sources: sha256:aabfa248857e0495265bb6ad897c6dfd52048a12f3a40cae82a01f31632371bf over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_81bf9eb1408f (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0002_postgres_only], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0002_postgres_only')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_81bf9eb1408f (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_only, statements for some dialects only

CREATE TABLE people (
    id integer NOT NULL,
    email varchar(200) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_people_email_lower ON people((lower(email)));

-- skipped: line 10 is only for mariadb, mysql

-- skipped: line 12 is only for postgresql

INSERT INTO alembic_version (version_num) VALUES ('0001_only');

-- Running upgrade 0001_only -> 0002_postgres_only, a revision that does nothing outside PostgreSQL, on purpose

-- skipped: line 7 is only for postgresql

CREATE TABLE IF NOT EXISTS temp.strata_check_e8b0c86c8012 (
    value int,
    CONSTRAINT `strata: version-table update 0001_only -> 0002_postgres_only changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_postgres_only' WHERE alembic_version.version_num = '0001_only';
INSERT INTO temp.strata_check_e8b0c86c8012 (value) VALUES (changes());

COMMIT;
