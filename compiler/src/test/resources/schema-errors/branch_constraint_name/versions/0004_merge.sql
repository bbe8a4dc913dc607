-- revision: 0004_merge
-- revises: 0002_customer_code, 0003_supplier_code

-- +upgrade
