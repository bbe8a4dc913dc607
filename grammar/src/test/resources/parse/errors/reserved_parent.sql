-- revision: 0003_add_email
-- revises: head

-- +upgrade
