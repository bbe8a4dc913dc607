-- revision: 0003_add_email_address_to_the_users_table
-- revises: 0002_create_payments

-- +upgrade
