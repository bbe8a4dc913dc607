-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
-- +no-transacton
CREATE INDEX CONCURRENTLY ix ON t (a);
