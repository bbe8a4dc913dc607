-- revision: 0004_payments_reference_unique
-- revises: 0003_payments_reference_index
-- message: a reference names one payment: the constraint, from the index

-- +upgrade
SET lock_timeout = '5s';
ALTER TABLE payments ADD CONSTRAINT uq_payments_reference UNIQUE USING INDEX ix_payments_reference;
