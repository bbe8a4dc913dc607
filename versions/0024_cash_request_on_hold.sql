-- revision: 0024_cash_request_on_hold
-- revises: 0023_cash_request_status_enum
-- message: cash requests can be put on hold while compliance reviews them
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
ALTER TYPE cash_request_status ADD VALUE IF NOT EXISTS 'ON_HOLD' AFTER 'APPROVED';
-- PostgreSQL refuses a new enum value in the transaction that added it: strata commits after the
-- ALTER TYPE by itself, so the UPDATE below runs in a transaction of its own.
UPDATE cash_requests
SET status = 'ON_HOLD'
WHERE status = 'APPROVED' AND processed_at IS NULL AND branch_code = 'COMPLIANCE';

-- +downgrade
-- PostgreSQL cannot drop an enum value: the type is rebuilt without it.
UPDATE cash_requests SET status = 'APPROVED' WHERE status = 'ON_HOLD';
ALTER TYPE cash_request_status RENAME TO cash_request_status_old;
CREATE TYPE cash_request_status AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED');
ALTER TABLE cash_requests
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE cash_request_status USING status::text::cash_request_status,
    ALTER COLUMN status SET DEFAULT 'REQUESTED';
DROP TYPE cash_request_status_old;
