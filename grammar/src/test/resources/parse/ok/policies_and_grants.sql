-- revision: 0004_policies_and_grants
-- revises: base
-- message: row-level security, policies, privileges, roles and owners

-- +upgrade
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE IF EXISTS documents FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_reads ON documents FOR SELECT USING (owner = current_user);
CREATE POLICY tenant_isolation ON public.documents AS RESTRICTIVE FOR ALL TO app_user, PUBLIC
    USING (tenant_id = current_setting('app.tenant')::int)
    WITH CHECK (tenant_id = current_setting('app.tenant')::int);
CREATE POLICY insert_own ON documents AS PERMISSIVE FOR INSERT WITH CHECK (owner = current_user);
ALTER POLICY owner_reads ON documents RENAME TO owner_can_read;
ALTER POLICY insert_own ON documents TO app_user USING (true);
CREATE ROLE app_user NOLOGIN;
CREATE ROLE reporting WITH LOGIN PASSWORD 'secret' CONNECTION LIMIT 3;
ALTER ROLE reporting SET statement_timeout = '30s';
GRANT app_user TO reporting WITH ADMIN OPTION;
GRANT SELECT, INSERT, UPDATE (title, body) ON documents, public.tags TO app_user WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO reporting;
GRANT USAGE ON SCHEMA public TO PUBLIC;
GRANT EXECUTE ON FUNCTION plus(integer, integer) TO app_user;
GRANT USAGE, SELECT ON SEQUENCE documents_id_seq TO app_user;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting;
ALTER TABLE public.documents OWNER TO app_user;
ALTER MATERIALIZED VIEW totals OWNER TO reporting;
ALTER SEQUENCE documents_id_seq OWNER TO app_user;
ALTER SCHEMA reports OWNER TO CURRENT_USER;

-- +downgrade
REVOKE GRANT OPTION FOR SELECT ON documents FROM app_user CASCADE;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM reporting;
REVOKE ADMIN OPTION FOR app_user FROM reporting;
REVOKE app_user FROM reporting;
DROP POLICY IF EXISTS insert_own ON documents;
DROP POLICY tenant_isolation ON public.documents;
DROP POLICY owner_can_read ON documents;
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE documents DISABLE ROW LEVEL SECURITY;
DROP ROLE IF EXISTS reporting, app_user;
