-- revision: 0028_dividend_events_paid_on
-- revises: 0027_dividend_events_updated_at
-- message: record when a dividend reached the account; the downgrade is derived by strata

-- +upgrade
ALTER TABLE dividend_events ADD COLUMN paid_on DATE;
-- +only postgresql mysql mariadb
COMMENT ON COLUMN dividend_events.paid_on IS 'date the dividend reached the customer account';
CREATE INDEX ix_dividend_events_paid_on ON dividend_events (paid_on) WHERE paid_on IS NOT NULL;
