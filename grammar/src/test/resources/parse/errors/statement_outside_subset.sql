-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
CREATE TABLE t (id BIGINT);
CREATE OR REPLACE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;
