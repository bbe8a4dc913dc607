\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_next (postgresql)
-- from: base
-- to: 0002_next
-- version table: public.strata_version
-- sources: sha256:239ac19db1a119f965385f9be24d7f0d709280c8576b4b54de90aae6e3a205a8 over 2 revision files

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(-823596820563322399) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 4103208718 AND objid::bigint = 674142689
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock -823596820563322399 of public.strata_version is held by the session with pid %',
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

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(-823596820563322399);
END
$strata$;
