-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
CREATE TABLE t (id SERIAL NOT NULL DEFAULT 1 PRIMARY KEY);
