-- revision: 0004_merge
-- revises: 0002_ledger, 0003_billing
-- message: merge ledger and billing

-- +upgrade
ALTER TABLE invoices ADD COLUMN paid BOOLEAN NOT NULL DEFAULT false;

-- +downgrade
ALTER TABLE invoices DROP COLUMN paid;
