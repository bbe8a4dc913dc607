-- revision: 0011_customer_india_fields
-- revises: 0010_widen_transaction_source
-- message: add ViewTrade account refs, PAN and partner id to customers
-- strata:allow constraint-without-not-valid pan is added by the same statement, so every row is NULL and passes the check: the scan rejects nothing
-- strata:allow create-index-not-concurrently both indexes are partial on columns added above, which are NULL in every row: the build reads the table once and indexes nothing; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
ALTER TABLE customers
    ADD COLUMN viewtrade_account_refs JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN pan VARCHAR(10),
    ADD COLUMN partner_id VARCHAR(64),
    ADD CONSTRAINT ck_customers_pan_format
        CHECK (pan IS NULL OR pan SIMILAR TO '[A-Z]{5}[0-9]{4}[A-Z]');
-- One PAN per customer; UAE customers have none.
CREATE UNIQUE INDEX uq_customers_pan ON customers (pan) WHERE pan IS NOT NULL;
CREATE INDEX ix_customers_partner_id ON customers (partner_id) WHERE partner_id IS NOT NULL;

-- +downgrade
DROP INDEX ix_customers_partner_id;
DROP INDEX uq_customers_pan;
ALTER TABLE customers
    DROP CONSTRAINT ck_customers_pan_format,
    DROP COLUMN partner_id,
    DROP COLUMN pan,
    DROP COLUMN viewtrade_account_refs;
