\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0001_currencies (postgresql)
-- from: base
-- to: 0001_currencies
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_currencies, currencies

CREATE TABLE currencies (
    code char(3),
    name text NOT NULL,
    meta jsonb DEFAULT '{}'::jsonb,
    PRIMARY KEY (code)
);

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar?');

INSERT INTO currencies VALUES ('JPY', 'Yen', '{"minor": 0}'::jsonb);

INSERT INTO currencies (code, name, meta) SELECT 'XTS', 'test {0} ?', '{}'::jsonb WHERE '{"a": 1}'::jsonb ? 'a' ON CONFLICT DO NOTHING;

INSERT INTO currencies (code, name) VALUES ('EUR', 'again') ON CONFLICT DO NOTHING;

INSERT INTO currencies SELECT 'GBP', 'Pound', NULL;

INSERT INTO alembic_version (version_num) VALUES ('0001_currencies');

COMMIT;
