\set ON_ERROR_STOP on
-- strata test: downgrade 0001_ledger -> base (postgresql)
-- from: 0001_ledger
-- to: base
-- version table: alembic_version
-- sources: sha256:44ae1c058bb5135e839ad3f234e2cf29df3d9ad49546dcaf24c57adde71f16dd over 1 revision file

DO $strata$
DECLARE
    expected text[] := ARRAY['0001_ledger']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0001_ledger]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0001_ledger -> , comments and dollar quotes, in dialect blocks and out

DROP TRIGGER ledger_guard ON ledger; -- the trigger first
DROP FUNCTION ledger_guard();
DROP FUNCTION ledger_total();

DROP TABLE ledger;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_ledger';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_ledger changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;
