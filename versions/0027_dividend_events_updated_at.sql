-- revision: 0027_dividend_events_updated_at
-- revises: 0026_account_balances_view
-- message: track when dividend events change, with a trigger function written without a block

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
