.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0004_cancel -> base (sqlite)
-- from: 0004_cancel
-- to: base
-- version table: alembic_version
-- sources: sha256:4adf6d1d657062e5c5c3ffea9a249e4e96999751eed5200e63d251e6ec3edd99 over 4 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b3dc69cf5aa5 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0004_cancel], the rows this script starts from` CHECK ((value IS '0004_cancel'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0004_cancel');

INSERT INTO temp.strata_check_b3dc69cf5aa5 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0004_cancel -> 0003_cancelled, the value used in the next revision

UPDATE orders SET status = 'paid' WHERE id = 3;

CREATE TABLE IF NOT EXISTS temp.strata_check_d8bd8a81dfe3 (
    value int,
    CONSTRAINT `strata: version-table update 0004_cancel -> 0003_cancelled changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0003_cancelled' WHERE alembic_version.version_num = '0004_cancel';
INSERT INTO temp.strata_check_d8bd8a81dfe3 (value) VALUES (changes());

-- Running downgrade 0003_cancelled -> 0002_shipped, a value added last in its revision

CREATE TABLE IF NOT EXISTS temp.strata_check_de85a816fe79 (
    value int,
    CONSTRAINT `strata: version-table update 0003_cancelled -> 0002_shipped changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_shipped' WHERE alembic_version.version_num = '0003_cancelled';
INSERT INTO temp.strata_check_de85a816fe79 (value) VALUES (changes());

-- Running downgrade 0002_shipped -> 0001_status, values used in the revision that adds them

DELETE FROM orders WHERE id = 4;

UPDATE orders SET status = 'paid' WHERE status IN ('shipped', 'cancelled');

CREATE TABLE IF NOT EXISTS temp.strata_check_7f2a5d91cc40 (
    value int,
    CONSTRAINT `strata: version-table update 0002_shipped -> 0001_status changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_status' WHERE alembic_version.version_num = '0002_shipped';
INSERT INTO temp.strata_check_7f2a5d91cc40 (value) VALUES (changes());

-- Running downgrade 0001_status -> , orders with a status

DROP TABLE orders;

CREATE TABLE IF NOT EXISTS temp.strata_check_e9716ec8ad98 (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_status changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_status';
INSERT INTO temp.strata_check_e9716ec8ad98 (value) VALUES (changes());

COMMIT;
