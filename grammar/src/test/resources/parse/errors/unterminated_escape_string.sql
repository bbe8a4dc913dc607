-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
UPDATE t SET a = E'it\'s; not closed\';
