\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_index_options (postgresql)
-- from: base
-- to: 0001_index_options
-- version table: alembic_version
-- sources: sha256:bdd1ea6cb2cb1efe022078f7fdb40d0a9148185186865903dd88c2e6efbc1d9d over 1 revision file

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

-- Running upgrade  -> 0001_index_options, operator classes, collations, nulls order, storage parameters, renamed and dropped together

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE documents (
    id bigint,
    title text NOT NULL,
    body jsonb,
    slug text,
    created_at timestamp with time zone,
    PRIMARY KEY (id)
);

CREATE INDEX documents_title_trgm ON documents USING gin (title gin_trgm_ops);

CREATE INDEX documents_title_trgm_sig ON documents USING gist (title gist_trgm_ops (siglen = 32));

CREATE INDEX documents_slug_pattern ON documents (slug text_pattern_ops);

CREATE INDEX documents_body_path ON documents USING gin (body jsonb_path_ops);

CREATE INDEX documents_title_c ON documents (title COLLATE "C" DESC NULLS LAST);

CREATE INDEX documents_created ON documents (created_at NULLS FIRST) WITH (fillfactor = 70);

CREATE INDEX documents_created_desc ON documents(created_at DESC NULLS LAST, id);

CREATE UNIQUE INDEX documents_slug_key ON documents (slug) NULLS NOT DISTINCT;

CREATE INDEX documents_lower_title ON documents ((lower(title)) text_pattern_ops) WHERE slug IS NOT NULL;

ALTER INDEX documents_created RENAME TO documents_created_at_idx;

ALTER INDEX IF EXISTS public.documents_slug_pattern RENAME TO documents_slug_like;

INSERT INTO alembic_version (version_num) VALUES ('0001_index_options');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
