.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0003_last -> base (sqlite)
-- from: 0003_last
-- to: base
-- version table: alembic_version
-- sources: sha256:8dd638618c6cb3ea31f723e4dbdb5180579b44ccc1eec792fea5445efb90bcb4 over 3 revision files

-- strata: segment 1 of 2 (no transaction): 0003_last
.bail on
.print 'strata: segment 1 of 2'

PRAGMA foreign_keys = ON;

PRAGMA locking_mode = EXCLUSIVE;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_f3973cffa9ff (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0003_last], the rows this script starts from` CHECK ((value IS '0003_last'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0003_last');

INSERT INTO temp.strata_check_f3973cffa9ff (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

COMMIT;

-- Running downgrade 0003_last -> 0002_mid, ends outside a transaction

DROP INDEX ix_t_z;

-- strata: segment 2 of 2 (one transaction): 0003_last, 0002_mid, 0001_t
.bail on
.print 'strata: segment 2 of 2'

PRAGMA foreign_keys = ON;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_da20c1163a41 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0003_last], the rows segment 2 of 2 starts from` CHECK ((value IS '0003_last'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0003_last');

INSERT INTO temp.strata_check_da20c1163a41 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

DROP INDEX ix_t_w;

ALTER TABLE t DROP z;

CREATE TABLE IF NOT EXISTS temp.strata_check_b686e54e4935 (
    value int,
    CONSTRAINT `strata: version-table update 0003_last -> 0002_mid changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0003_last';
INSERT INTO temp.strata_check_b686e54e4935 (value) VALUES (changes());

-- Running downgrade 0002_mid -> 0001_t, starts outside a transaction

ALTER TABLE t DROP w;

DROP INDEX ix_t_id;

CREATE TABLE IF NOT EXISTS temp.strata_check_ae11ba4f6d91 (
    value int,
    CONSTRAINT `strata: version-table update 0002_mid -> 0001_t changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_t' WHERE alembic_version.version_num = '0002_mid';
INSERT INTO temp.strata_check_ae11ba4f6d91 (value) VALUES (changes());

-- Running downgrade 0001_t -> , t

DROP TABLE t;

CREATE TABLE IF NOT EXISTS temp.strata_check_f5255b96aee7 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_t changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_t';
INSERT INTO temp.strata_check_f5255b96aee7 (value) VALUES (changes());

COMMIT;
