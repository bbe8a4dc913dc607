-- revision: 0003_payments_reference_check
-- revises: 0002_create_ledger_accounts
-- message: every payment has a reference: checked for new rows first

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD CONSTRAINT ck_payments_reference_not_null
    CHECK (reference IS NOT NULL) NOT VALID;
