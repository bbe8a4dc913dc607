-- revision: 0004_payments_reference_required
-- revises: 0003_payments_reference_check
-- message: every payment has a reference: the column says so

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments VALIDATE CONSTRAINT ck_payments_reference_not_null;
-- PostgreSQL skips the scan: the validated check proves there is no NULL
ALTER TABLE payments ALTER COLUMN reference SET NOT NULL;
ALTER TABLE payments DROP CONSTRAINT ck_payments_reference_not_null;
