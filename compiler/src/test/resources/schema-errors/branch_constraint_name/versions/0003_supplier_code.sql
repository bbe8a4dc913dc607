-- revision: 0003_supplier_code
-- revises: 0001_create

-- +upgrade
ALTER TABLE suppliers ADD CONSTRAINT uq_code UNIQUE (code);
