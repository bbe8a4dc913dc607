\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0001_init (postgresql)
-- from: base
-- to: 0001_init
-- version table: "Ops"."Schema Versions"
-- sources: sha256:b77062c428efb3199a01e8015a4d29d785e56d87f48ab896d80374e72bff7415 over 1 revision file

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('"Ops"."Schema Versions"') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM "Ops"."Schema Versions"'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: "Ops"."Schema Versions" holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS "Ops"."Schema Versions" (
    version_num varchar(32) NOT NULL,
    CONSTRAINT "Schema Versions_pkc" PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_init, init

INSERT INTO "Ops"."Schema Versions" (version_num) VALUES ('0001_init');

COMMIT;
