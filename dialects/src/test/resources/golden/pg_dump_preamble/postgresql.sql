\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_next (postgresql)
-- from: base
-- to: 0002_next
-- version table: alembic_version
-- sources: sha256:a0674dba28322024e5a4384ec28e179222bd67ff1f347a734cba6d1e190c9502 over 2 revision files

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(4896247922164608825) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1139996555 AND objid::bigint = 886943545
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 4896247922164608825 of alembic_version is held by the session with pid %',
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

-- Running upgrade  -> 0001_initial_schema, an initial schema from pg_dump, its preamble kept

SET statement_timeout = 0;

SET lock_timeout = 0;

SET idle_in_transaction_session_timeout = 0;

SET client_encoding = 'UTF8';

SET standard_conforming_strings = on;

SET check_function_bodies = false;

SET xmloption = content;

SET client_min_messages = warning;

SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.accounts (
    id bigint NOT NULL,
    name text NOT NULL
);

ALTER TABLE public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

DO $$
BEGIN
    IF current_setting('check_function_bodies') <> 'off' OR current_setting('client_min_messages') <> 'warning' THEN
        RAISE EXCEPTION 'the preamble does not hold for the revision''s statements';
    END IF;
END
$$;

RESET statement_timeout;

RESET lock_timeout;

RESET idle_in_transaction_session_timeout;

RESET check_function_bodies;

RESET xmloption;

RESET client_min_messages;

RESET row_security;

RESET default_tablespace;

RESET default_table_access_method;

INSERT INTO alembic_version (version_num) VALUES ('0001_initial_schema');

-- Running upgrade 0001_initial_schema -> 0002_next, the next revision runs under the script's own settings again

DO $$
BEGIN
    IF current_setting('check_function_bodies') <> 'on' OR current_setting('client_min_messages') <> 'notice' THEN
        RAISE EXCEPTION 'the preamble of 0001 leaked into 0002';
    END IF;
END
$$;

CREATE INDEX ix_accounts_name ON public.accounts(name);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_next' WHERE alembic_version.version_num = '0001_initial_schema';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_initial_schema -> 0002_next changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
