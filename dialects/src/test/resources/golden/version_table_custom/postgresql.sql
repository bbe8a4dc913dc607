\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0002_next (postgresql)
-- from: base
-- to: 0002_next
-- version table: public.strata_version
-- sources: sha256:239ac19db1a119f965385f9be24d7f0d709280c8576b4b54de90aae6e3a205a8 over 2 revision files

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('public.strata_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM public.strata_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: public.strata_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS public.strata_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT strata_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_init, init

INSERT INTO public.strata_version (version_num) VALUES ('0001_init');

-- Running upgrade 0001_init -> 0002_next, next

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE public.strata_version SET version_num = '0002_next' WHERE public.strata_version.version_num = '0001_init';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_init -> 0002_next changed % rows of public.strata_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;
