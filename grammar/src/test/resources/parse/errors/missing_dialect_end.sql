-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
-- +dialect postgresql
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- +downgrade
DROP EXTENSION pgcrypto;
