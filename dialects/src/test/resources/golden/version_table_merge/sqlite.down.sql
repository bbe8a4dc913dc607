.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0004_merge -> base (sqlite)
-- from: 0004_merge
-- to: base
-- version table: alembic_version
-- sources: sha256:2f1ab58e0c5a2c9e5df1e53d18059af92b564da0ee60b178634407b0e7ed5ef0 over 4 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_9dd57704a75e (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0004_merge], the rows this script starts from` CHECK ((value IS '0004_merge'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0004_merge');

INSERT INTO temp.strata_check_9dd57704a75e (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0004_merge -> 0002_last_tx, 0003_cart, merge

INSERT INTO alembic_version (version_num) VALUES ('0003_cart');

CREATE TABLE IF NOT EXISTS temp.strata_check_ae82a7e6f3c9 (
    value int,
    CONSTRAINT `strata: version-table update 0004_merge -> 0002_last_tx changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_last_tx' WHERE alembic_version.version_num = '0004_merge';
INSERT INTO temp.strata_check_ae82a7e6f3c9 (value) VALUES (changes());

-- Running downgrade 0002_last_tx -> 0001_account, add last_tx

ALTER TABLE account DROP last_tx;

CREATE TABLE IF NOT EXISTS temp.strata_check_86c387fc6fbd (
    value int,
    CONSTRAINT `strata: version-table delete of 0002_last_tx changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0002_last_tx';
INSERT INTO temp.strata_check_86c387fc6fbd (value) VALUES (changes());

-- Running downgrade 0003_cart -> 0001_account, create cart

DROP TABLE cart;

CREATE TABLE IF NOT EXISTS temp.strata_check_c9cd1273cd2e (
    value int,
    CONSTRAINT `strata: version-table update 0003_cart -> 0001_account changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_account' WHERE alembic_version.version_num = '0003_cart';
INSERT INTO temp.strata_check_c9cd1273cd2e (value) VALUES (changes());

-- Running downgrade 0001_account -> , create account

DROP TABLE IF EXISTS account;

CREATE TABLE IF NOT EXISTS temp.strata_check_38d335853e2e (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_account changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_account';
INSERT INTO temp.strata_check_38d335853e2e (value) VALUES (changes());

COMMIT;
