.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0001_cte -> base (sqlite)
-- from: 0001_cte
-- to: base
-- version table: alembic_version
-- sources: sha256:1c9b50236df63f9096bd33d00c90082a683f27bc9325ff937fc0afbc1130afd5 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b118f7f98dac (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0001_cte], the rows this script starts from` CHECK ((value IS '0001_cte'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0001_cte');

INSERT INTO temp.strata_check_b118f7f98dac (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0001_cte -> , WITH before INSERT, UPDATE, DELETE

DROP TABLE archive;

DROP TABLE nodes;

CREATE TABLE IF NOT EXISTS temp.strata_check_07f83d1b2c4b (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_cte changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_cte';
INSERT INTO temp.strata_check_07f83d1b2c4b (value) VALUES (changes());

COMMIT;
