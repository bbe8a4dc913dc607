\set ON_ERROR_STOP on
-- strata test: downgrade 0001_currencies -> base (postgresql)
-- from: 0001_currencies
-- to: base
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

DO $strata$
DECLARE
    expected text[] := ARRAY['0001_currencies']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0001_currencies]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0001_currencies -> , currencies

DELETE FROM currencies WHERE code IN ('EUR', 'USD', 'JPY', 'XTS', 'GBP');

DROP TABLE currencies;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_currencies';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_currencies changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;
