CREATE INDEX ix_docs_body ON docs USING gin (body gin_trgm_ops);
CREATE UNIQUE INDEX ix_docs_live ON docs (id) INCLUDE (title) WITH (fillfactor = 70, deduplicate_items = off) WHERE deleted_at IS NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_docs_title ON docs (title);
DROP INDEX CONCURRENTLY IF EXISTS ix_docs_title;
DROP INDEX app.ix_docs_body;
