-- revision: 0003-add-email
-- revises: 0002_create_payments

-- +upgrade
