.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0002_changes (sqlite)
-- from: base
-- to: 0002_changes
-- version table: alembic_version
-- sources: sha256:bef64c193b4103f8fe798960a38ed5803b01c445832996a4316055cffc0787d0 over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_190a3d742b87 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0002_changes], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0002_changes')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_190a3d742b87 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_accounts, accounts

CREATE TABLE accounts (
    id integer NOT NULL,
    status text,
    n integer NOT NULL DEFAULT (0),
    meta text NOT NULL DEFAULT ('{}'),
    PRIMARY KEY (id),
    CHECK ((
        meta IS NULL
        OR json_valid(meta)
    ))
);

INSERT INTO accounts (id, meta) VALUES (1, '{"closed": true}'), (2, '{}');

INSERT INTO alembic_version (version_num) VALUES ('0001_accounts');

-- Running upgrade 0001_accounts -> 0002_changes, data changes

UPDATE accounts SET status = 'closed', meta = (cast(meta AS varchar) || cast('{"why": "?"}' AS varchar)) WHERE (meta->'closed') IS NOT NULL;

UPDATE accounts SET n = (n + 1);

DELETE FROM accounts WHERE status = 'closed';

DELETE FROM accounts;

CREATE TABLE IF NOT EXISTS temp.strata_check_5b3760a0b27d (
    value int,
    CONSTRAINT `strata: version-table update 0001_accounts -> 0002_changes changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_changes' WHERE alembic_version.version_num = '0001_accounts';
INSERT INTO temp.strata_check_5b3760a0b27d (value) VALUES (changes());

COMMIT;
