-- revision: 0027_dividend_events_updated_at
-- revises: 0026_account_balances_view
-- message: track when dividend events change, with a trigger function written without a block
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
ALTER TABLE dividend_events
    ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
-- +only postgresql
CREATE OR REPLACE FUNCTION touch_dividend_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;
-- +only postgresql
CREATE TRIGGER trg_dividend_events_updated_at
    BEFORE UPDATE ON dividend_events
    FOR EACH ROW EXECUTE FUNCTION touch_dividend_event();

-- +downgrade
-- +only postgresql
DROP TRIGGER trg_dividend_events_updated_at ON dividend_events;
-- +only postgresql
DROP FUNCTION touch_dividend_event();
ALTER TABLE dividend_events DROP COLUMN updated_at;
