.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0001_currencies (sqlite)
-- from: base
-- to: 0001_currencies
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_1640e832206a (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0001_currencies], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0001_currencies')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_1640e832206a (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_currencies, currencies

CREATE TABLE currencies (
    code char(3) NOT NULL,
    name text NOT NULL,
    meta text DEFAULT ('{}'),
    PRIMARY KEY (code),
    CHECK ((
        meta IS NULL
        OR json_valid(meta)
    ))
);

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar?');

INSERT INTO currencies VALUES ('JPY', 'Yen', '{"minor": 0}');

INSERT INTO currencies (code, name, meta) SELECT * FROM (SELECT 'XTS', 'test {0} ?', '{}' WHERE ('{"a": 1}'->'a') IS NOT NULL) WHERE true ON CONFLICT DO NOTHING;

INSERT INTO currencies (code, name) VALUES ('EUR', 'again') ON CONFLICT DO NOTHING;

INSERT INTO currencies SELECT 'GBP', 'Pound', NULL;

INSERT INTO alembic_version (version_num) VALUES ('0001_currencies');

COMMIT;
