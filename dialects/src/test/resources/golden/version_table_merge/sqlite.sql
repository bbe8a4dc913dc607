.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0004_merge (sqlite)
-- from: base
-- to: 0004_merge
-- version table: alembic_version
-- sources: sha256:84d12372e00f0b910f864ca1776061a3af10789ac7eddddddbeb98672237d924 over 4 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_e3fb6f000301 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0004_merge], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0004_merge')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_e3fb6f000301 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_account, create account

CREATE TABLE account (
    id integer NOT NULL,
    name text,
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_account');

-- Running upgrade 0001_account -> 0003_cart, create cart

CREATE TABLE cart (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_062417dc2e9d (
    value int,
    CONSTRAINT `strata: version-table update 0001_account -> 0003_cart changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0003_cart' WHERE alembic_version.version_num = '0001_account';
INSERT INTO temp.strata_check_062417dc2e9d (value) VALUES (changes());

-- Running upgrade 0001_account -> 0002_last_tx, add last_tx

ALTER TABLE account ADD last_tx datetime;

INSERT INTO alembic_version (version_num) VALUES ('0002_last_tx');

-- Running upgrade 0002_last_tx, 0003_cart -> 0004_merge, merge

UPDATE account SET name = 'x' WHERE name IS NULL;

CREATE TABLE IF NOT EXISTS temp.strata_check_86c387fc6fbd (
    value int,
    CONSTRAINT `strata: version-table delete of 0002_last_tx changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0002_last_tx';
INSERT INTO temp.strata_check_86c387fc6fbd (value) VALUES (changes());

CREATE TABLE IF NOT EXISTS temp.strata_check_7dab81679551 (
    value int,
    CONSTRAINT `strata: version-table update 0003_cart -> 0004_merge changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0004_merge' WHERE alembic_version.version_num = '0003_cart';
INSERT INTO temp.strata_check_7dab81679551 (value) VALUES (changes());

COMMIT;
