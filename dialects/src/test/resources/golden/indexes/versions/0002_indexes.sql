-- revision: 0002_indexes
-- revises: 0001_users
-- message: index users

-- +upgrade
CREATE INDEX ix_users_email ON users (email);
CREATE UNIQUE INDEX IF NOT EXISTS uq_users_tenant_email ON users (tenant, lower(email) DESC) INCLUDE (id)
    WHERE deleted_at IS NULL;
CREATE INDEX ON users (tenant ASC);
CREATE INDEX ix_users_data ON users USING gin (data);
CREATE INDEX ix_users_k ON users ((data ->> 'k')) WHERE data ? 'k';
CREATE INDEX CONCURRENTLY ix_users_deleted ON users (deleted_at DESC);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_users_id ON users USING btree (id) INCLUDE (email) WHERE id > 0;

-- +downgrade
DROP INDEX CONCURRENTLY uq_users_id;
DROP INDEX CONCURRENTLY IF EXISTS ix_users_deleted;
DROP INDEX ix_users_k;
DROP INDEX ix_users_data;
DROP INDEX users_tenant_idx;
DROP INDEX IF EXISTS uq_users_tenant_email RESTRICT;
DROP INDEX public.ix_users_email;
