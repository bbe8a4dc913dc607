-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
CLUSTER users USING ix_users_email;
