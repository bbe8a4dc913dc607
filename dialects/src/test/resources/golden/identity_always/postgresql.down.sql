\set ON_ERROR_STOP on
-- strata test: downgrade 0002_add_identity -> base (postgresql)
-- from: 0002_add_identity
-- to: base
-- version table: alembic_version
-- sources: sha256:45b044569eb3435437a08c311e1683082cdfcfee184d35473ed264e123800ff8 over 2 revision files

DO $strata$
DECLARE
    expected text[] := ARRAY['0002_add_identity']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0002_add_identity]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0002_add_identity -> 0001_identity, identity ALWAYS added to existing tables

DELETE FROM events WHERE kind = 'numbered';

ALTER TABLE events DROP n;

ALTER TABLE app."Order Items" DROP note;

ALTER TABLE app."Order Items" DROP "Line No";

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_identity' WHERE alembic_version.version_num = '0002_add_identity';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_add_identity -> 0001_identity changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_identity -> , identity columns, ALWAYS and BY DEFAULT

DROP TABLE counters;

DROP TABLE events;

DROP TABLE app."Order Items";

DROP SCHEMA app;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_identity';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_identity changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;
