-- revision: 0003_add_email
-- revises: 0002_create_payments
-- branch: ledger-v2

-- +upgrade
