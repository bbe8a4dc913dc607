-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
SECURITY LABEL FOR selinux ON TABLE mytable IS 'system_u:object_r:sepgsql_table_t:s0';
