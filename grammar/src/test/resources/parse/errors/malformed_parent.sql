-- revision: 0003_add_email
-- revises: 0001_base, 0002 create payments

-- +upgrade
