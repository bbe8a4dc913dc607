.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0001_ledger (sqlite)
-- from: base
-- to: 0001_ledger
-- version table: alembic_version
-- sources: sha256:b6e27b0ad522dfcf2af558da1ddeba4189ebd65c598158ed86de421153bf6763 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_1586f31a431d (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0001_ledger], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0001_ledger')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_1586f31a431d (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_ledger, comments and dollar quotes, in dialect blocks and out

CREATE TABLE ledger (
    id integer NOT NULL,
    amount numeric(12, 2) NOT NULL DEFAULT (0),
    memo text DEFAULT ('it''s; -- not a comment'),
    PRIMARY KEY (id)
);

INSERT INTO ledger (id, amount, memo) VALUES (1, 5, 'a $$ inside; /* not a comment */'), (2, 7, 'two
lines');

-- skipped: dialect block for postgresql

-- skipped: dialect block for mysql

INSERT INTO alembic_version (version_num) VALUES ('0001_ledger');

COMMIT;
