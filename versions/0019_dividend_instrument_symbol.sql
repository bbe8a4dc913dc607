-- revision: 0019_dividend_instrument_symbol
-- revises: 0018_create_dividend_events
-- message: rename dividend_events.symbol to instrument_symbol and widen it
-- strata:allow rename dividend_events is read and written only by the ViewTrade importer, which is deployed with this revision
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
-- ViewTrade sends exchange-qualified symbols (e.g. BRK.B.NYSE), longer than 12.
ALTER TABLE dividend_events RENAME COLUMN symbol TO instrument_symbol;
ALTER TABLE dividend_events ALTER COLUMN instrument_symbol TYPE VARCHAR(32);

-- +downgrade
-- Fails, rather than truncating, while longer symbols exist.
ALTER TABLE dividend_events ALTER COLUMN instrument_symbol TYPE VARCHAR(12);
ALTER TABLE dividend_events RENAME COLUMN instrument_symbol TO symbol;
