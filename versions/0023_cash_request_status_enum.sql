-- revision: 0023_cash_request_status_enum
-- revises: 0022_transaction_value_date
-- message: cash request status becomes an enum type
-- strata:allow column-type-change-rewrites-table cash_requests holds a few thousand rows: the rewrite to the enum takes well under a second, and the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
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
