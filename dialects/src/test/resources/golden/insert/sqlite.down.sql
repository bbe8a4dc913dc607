.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_currencies -> base (sqlite)
-- from: 0001_currencies
-- to: base
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b990ba4759f0 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_currencies], the rows this script starts from` CHECK ((value IS '0001_currencies'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_currencies');

INSERT INTO temp.strata_check_b990ba4759f0 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_currencies -> , currencies

DELETE FROM currencies WHERE code IN ('EUR', 'USD', 'JPY', 'XTS', 'GBP');

DROP TABLE currencies;

CREATE TABLE IF NOT EXISTS temp.strata_check_d36e51a3534e (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_currencies changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_currencies';
INSERT INTO temp.strata_check_d36e51a3534e (value) VALUES (changes());

COMMIT;
