-- revision: 0004_merge
-- revises: 0002_rename_amount, 0003_widen_amount

-- +upgrade
