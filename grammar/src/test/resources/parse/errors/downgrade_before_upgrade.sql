-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +downgrade
DROP TABLE t;

-- +upgrade
CREATE TABLE t (id BIGINT);
