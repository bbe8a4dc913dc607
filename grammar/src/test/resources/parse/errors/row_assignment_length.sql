-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
UPDATE t SET a = 1, (b, c) = (2, 3, 4) WHERE id = 1;
