\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_init (postgresql)
-- from: base
-- to: 0001_init
-- version table: "Ops"."Schema Versions"
-- sources: sha256:b77062c428efb3199a01e8015a4d29d785e56d87f48ab896d80374e72bff7415 over 1 revision file

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(-4238617827166726903) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 3308087179 AND objid::bigint = 420926729
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock -4238617827166726903 of "Ops"."Schema Versions" is held by the session with pid %',
            coalesce(holder, 'unknown')
            USING HINT = 'wait until that script has finished, then run this one again';
    END IF;
END
$strata$;

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

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(-4238617827166726903);
END
$strata$;
