-- revision: 0010_merge
-- revises: 0009_quoted, 0006_data
-- message: merge the two branches
-- branch: ledger, billing_v2
-- depends-on: 0001_types,0002_payments

-- +upgrade

-- +downgrade
