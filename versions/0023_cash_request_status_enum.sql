-- revision: 0023_cash_request_status_enum
-- revises: 0022_transaction_value_date
-- message: cash request status becomes an enum type

-- +upgrade
CREATE TYPE cash_request_status AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED');
ALTER TABLE cash_requests
    DROP CONSTRAINT ck_cash_requests_status,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE cash_request_status USING status::cash_request_status,
    ALTER COLUMN status SET DEFAULT 'REQUESTED';

-- +downgrade
ALTER TABLE cash_requests
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE VARCHAR(16) USING status::text,
    ALTER COLUMN status SET DEFAULT 'REQUESTED',
    ADD CONSTRAINT ck_cash_requests_status
        CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED'));
DROP TYPE cash_request_status;
