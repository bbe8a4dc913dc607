-- revision: 0001_index_options
-- revises: base
-- message: operator classes, collations, nulls order, storage parameters, renamed and dropped together

-- +upgrade
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE documents (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    body JSONB,
    slug TEXT,
    created_at TIMESTAMPTZ
);
CREATE INDEX documents_title_trgm ON documents USING gin (title gin_trgm_ops);
CREATE INDEX documents_title_trgm_sig ON documents USING gist (title gist_trgm_ops (siglen = 32));
CREATE INDEX documents_slug_pattern ON documents (slug text_pattern_ops);
CREATE INDEX documents_body_path ON documents USING gin (body jsonb_path_ops);
CREATE INDEX documents_title_c ON documents (title COLLATE "C" DESC NULLS LAST);
CREATE INDEX documents_created ON documents (created_at NULLS FIRST) WITH (fillfactor = 70);
CREATE INDEX documents_created_desc ON documents (created_at DESC NULLS LAST, id);
CREATE UNIQUE INDEX documents_slug_key ON documents (slug) NULLS NOT DISTINCT;
CREATE INDEX documents_lower_title ON documents ((lower(title)) text_pattern_ops) WHERE slug IS NOT NULL;
ALTER INDEX documents_created RENAME TO documents_created_at_idx;
ALTER INDEX IF EXISTS public.documents_slug_pattern RENAME TO documents_slug_like;

-- +downgrade
DROP INDEX documents_title_trgm, documents_title_trgm_sig, public.documents_slug_like;
DROP INDEX IF EXISTS documents_body_path, documents_title_c, documents_created_at_idx, documents_created_desc;
DROP INDEX documents_slug_key, documents_lower_title;
DROP TABLE documents;
DROP EXTENSION pg_trgm;
