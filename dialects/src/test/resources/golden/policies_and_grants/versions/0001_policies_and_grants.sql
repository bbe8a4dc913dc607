-- revision: 0001_policies_and_grants
-- revises: base
-- message: row-level security, policies, privileges and owners (roles are cluster-wide, so only postgres and PUBLIC)

-- +upgrade
CREATE TABLE documents (id BIGINT PRIMARY KEY, owner TEXT NOT NULL, tenant_id INTEGER NOT NULL);
ALTER TABLE documents OWNER TO postgres;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_reads ON documents FOR SELECT USING (owner = current_user);
CREATE POLICY tenant_isolation ON documents AS RESTRICTIVE FOR ALL TO PUBLIC
    USING (tenant_id = current_setting('app.tenant', true)::int)
    WITH CHECK (tenant_id = current_setting('app.tenant', true)::int);
CREATE POLICY insert_own ON documents AS PERMISSIVE FOR INSERT WITH CHECK (owner = current_user);
ALTER POLICY owner_reads ON documents RENAME TO owner_can_read;
ALTER POLICY insert_own ON documents TO postgres;
GRANT SELECT, UPDATE (owner) ON documents TO PUBLIC;
GRANT INSERT ON TABLE documents TO postgres WITH GRANT OPTION;
REVOKE UPDATE (owner) ON documents FROM PUBLIC;

-- +downgrade
REVOKE ALL ON documents FROM PUBLIC;
DROP POLICY IF EXISTS insert_own ON documents;
DROP POLICY tenant_isolation ON documents;
DROP POLICY owner_can_read ON documents;
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE documents DISABLE ROW LEVEL SECURITY;
DROP TABLE documents;
