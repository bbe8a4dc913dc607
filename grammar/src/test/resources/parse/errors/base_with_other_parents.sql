-- revision: 0003_add_email
-- revises: 0001_x, base

-- +upgrade
