-- revision: 0002_policies
-- revises: 0001_base

-- +upgrade
CREATE POLICY tenant ON documents AS STRICT USING (tenant_id = 1);
