\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_functions_and_triggers (postgresql)
-- from: base
-- to: 0001_functions_and_triggers
-- version table: alembic_version
-- sources: sha256:32296aa70100935b663452fcb7591f9d27110ec217cc8f75748b5fed06101718 over 1 revision file

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

-- Running upgrade  -> 0001_functions_and_triggers, a trigger function that keeps updated_at, its trigger, a function and a procedure

CREATE TABLE documents (
    id bigint,
    title text NOT NULL,
    updated_at timestamp with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();  -- a ';' inside the body never splits the statement
    RETURN NEW;
END;
$$;

CREATE TRIGGER documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE FUNCTION title_length(t text, pad integer DEFAULT 0) RETURNS integer
    AS 'SELECT length(t) + pad' LANGUAGE sql IMMUTABLE STRICT;

CREATE PROCEDURE rename_document(doc bigint, new_title text) LANGUAGE plpgsql AS $body$
BEGIN
    UPDATE documents SET title = new_title WHERE id = doc;
END
$body$;

INSERT INTO documents (id, title) VALUES (1, 'draft');

CALL rename_document(1, 'final');

ALTER FUNCTION title_length(text, integer) RENAME TO title_size;

ALTER TABLE documents DISABLE TRIGGER documents_updated_at;

ALTER TABLE documents ENABLE TRIGGER ALL;

ALTER TRIGGER documents_updated_at ON documents RENAME TO documents_touch;

INSERT INTO alembic_version (version_num) VALUES ('0001_functions_and_triggers');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
