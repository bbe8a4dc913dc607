.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0003_last (sqlite)
-- from: base
-- to: 0003_last
-- version table: alembic_version
-- sources: sha256:624c4eea8237e18e511b47d2f4fdf89aa745b2c1d8391902a8af9d4859b0eae7 over 3 revision files

-- strata: segment 1 of 3 (one transaction): 0001_t, 0002_mid
.bail on
.print 'strata: segment 1 of 3'

PRAGMA foreign_keys = ON;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_a148db554daa (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0001_t], the rows after segments 1 to 2 of 3 (segment 2 changes no row of it): run the rest, from segment 2, with: tail -n +50 <script> | sqlite3 <database>; or, if segment 2 ran, from segment 3: tail -n +80 <script> | sqlite3 <database>` CHECK ((value IS NOT '0001_t')),
    CONSTRAINT `strata: alembic_version holds [0003_last], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0003_last')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_a148db554daa (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_t, t

CREATE TABLE t (
    id integer,
    v text
);

INSERT INTO alembic_version (version_num) VALUES ('0001_t');

-- Running upgrade 0001_t -> 0002_mid, starts outside a transaction

CREATE INDEX ix_t_id ON t(id);

COMMIT;

-- strata: segment 2 of 3 (no transaction): 0002_mid
.bail on
.print 'strata: segment 2 of 3'

PRAGMA foreign_keys = ON;

PRAGMA locking_mode = EXCLUSIVE;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b9a29344b6fe (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script starts from: run it from its first line` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds [0003_last], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0003_last')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_t], the rows segment 2 of 3 starts from` CHECK ((value IS '0001_t'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_t');

INSERT INTO temp.strata_check_b9a29344b6fe (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

COMMIT;

UPDATE t SET v = 'x';

-- strata: segment 3 of 3 (one transaction): 0002_mid, 0003_last
.bail on
.print 'strata: segment 3 of 3'

PRAGMA foreign_keys = ON;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b3f738b310cc (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script starts from: run it from its first line` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds [0003_last], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0003_last')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_t], the rows segment 3 of 3 starts from` CHECK ((value IS '0001_t'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_t');

INSERT INTO temp.strata_check_b3f738b310cc (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

ALTER TABLE t ADD w text;

-- skipped: dialect block for postgresql

CREATE TABLE IF NOT EXISTS temp.strata_check_28f53a21e7e5 (
    value int,
    CONSTRAINT `strata: version-table update 0001_t -> 0002_mid changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0001_t';
INSERT INTO temp.strata_check_28f53a21e7e5 (value) VALUES (changes());

-- Running upgrade 0002_mid -> 0003_last, ends outside a transaction

ALTER TABLE t ADD z text;

CREATE INDEX ix_t_w ON t(w);

CREATE INDEX ix_t_z ON t(z);

CREATE TABLE IF NOT EXISTS temp.strata_check_ded0e71e37ff (
    value int,
    CONSTRAINT `strata: version-table update 0002_mid -> 0003_last changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0003_last' WHERE alembic_version.version_num = '0002_mid';
INSERT INTO temp.strata_check_ded0e71e37ff (value) VALUES (changes());

COMMIT;
