-- revision: 0025_statement_numbers
-- revises: 0024_cash_request_on_hold
-- message: number balance snapshots from a sequence for customer statements
-- strata:allow add-column-rewrites-table numbering every existing snapshot is the point of the revision: account_balance_snapshots is rewritten once, and the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- +upgrade
-- Statement numbers come from a sequence where the dialect has one (PostgreSQL, MariaDB);
-- on MySQL and SQLite the application fills the column.
-- +only postgresql mariadb
CREATE SEQUENCE statement_number_seq AS BIGINT START WITH 100000 INCREMENT BY 1 CACHE 20;
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +only postgresql mariadb
ALTER TABLE account_balance_snapshots
    ADD COLUMN statement_no BIGINT NOT NULL DEFAULT nextval('statement_number_seq');
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +only mysql sqlite
ALTER TABLE account_balance_snapshots ADD COLUMN statement_no BIGINT;
-- +only postgresql
ALTER SEQUENCE statement_number_seq OWNED BY account_balance_snapshots.statement_no;
-- +only postgresql mysql mariadb
COMMENT ON COLUMN account_balance_snapshots.statement_no IS 'number printed on the customer statement';

-- +downgrade
-- +only postgresql
ALTER SEQUENCE statement_number_seq OWNED BY NONE;
ALTER TABLE account_balance_snapshots DROP COLUMN statement_no;
-- +only postgresql mariadb
DROP SEQUENCE statement_number_seq;
