\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0001_init (postgresql)
-- from: base
-- to: 0001_init
-- version table: alembic_version
-- sources: sha256:b77062c428efb3199a01e8015a4d29d785e56d87f48ab896d80374e72bff7415 over 1 revision file

SET lock_timeout = '5s';
SET statement_timeout = '15min';

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

-- Running upgrade  -> 0001_init, init

INSERT INTO alembic_version (version_num) VALUES ('0001_init');

COMMIT;
