-- revision: 0025_statement_numbers
-- revises: 0024_cash_request_on_hold
-- message: number balance snapshots from a sequence for customer statements

-- +upgrade
-- Statement numbers come from a sequence where the dialect has one (PostgreSQL, MariaDB);
-- on MySQL and SQLite the application fills the column.
-- +only postgresql mariadb
CREATE SEQUENCE statement_number_seq AS BIGINT START WITH 100000 INCREMENT BY 1 CACHE 20;
-- +only postgresql mariadb
ALTER TABLE account_balance_snapshots
    ADD COLUMN statement_no BIGINT NOT NULL DEFAULT nextval('statement_number_seq');
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
