\set ON_ERROR_STOP on
-- strata test: upgrade 0002_b, 0003_c -> 0002_b, 0003_c (postgresql)
-- from: 0002_b, 0003_c
-- to: 0002_b, 0003_c
-- version table: alembic_version
-- sources: sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 over 0 revision files

DO $strata$
DECLARE
    expected text[] := ARRAY['0002_b', '0003_c']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_b, 0003_c]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;
