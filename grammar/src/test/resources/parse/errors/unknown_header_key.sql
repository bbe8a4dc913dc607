-- revision: 0003_add_email
-- revison: 0002_create_payments

-- +upgrade
