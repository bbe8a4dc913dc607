-- revision: 0028_dividend_events_paid_on
-- revises: 0027_dividend_events_updated_at
-- message: record when a dividend reached the account; the downgrade is derived by strata
-- strata:allow create-index-not-concurrently the partial index covers paid_on, added above and NULL in every row: nothing to index; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +upgrade
ALTER TABLE dividend_events ADD COLUMN paid_on DATE;
-- +only postgresql mysql mariadb
COMMENT ON COLUMN dividend_events.paid_on IS 'date the dividend reached the customer account';
CREATE INDEX ix_dividend_events_paid_on ON dividend_events (paid_on) WHERE paid_on IS NOT NULL;
