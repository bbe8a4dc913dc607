-- revision: 0005_indexes
-- revises: 0004_alter

-- +upgrade
CREATE INDEX ON users (email);
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_email ON public.users USING btree (lower(email) DESC, (created_at::date), id ASC) INCLUDE (name, age) WHERE deleted_at IS NULL AND status <> 'gone';
-- +no-transaction
CREATE UNIQUE INDEX CONCURRENTLY ux_b ON t USING gin (payload);

-- +downgrade
DROP INDEX CONCURRENTLY IF EXISTS public.ux_b CASCADE;
DROP INDEX ux_users_email;
DROP INDEX IF EXISTS users_email_idx RESTRICT;
