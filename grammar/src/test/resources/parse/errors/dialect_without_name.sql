-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
-- +dialect
SELECT 1;
-- +end
