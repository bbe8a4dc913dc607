-- revision: 0019_dividend_instrument_symbol
-- revises: 0018_create_dividend_events
-- message: rename dividend_events.symbol to instrument_symbol and widen it

-- +upgrade
-- ViewTrade sends exchange-qualified symbols (e.g. BRK.B.NYSE), longer than 12.
ALTER TABLE dividend_events RENAME COLUMN symbol TO instrument_symbol;
ALTER TABLE dividend_events ALTER COLUMN instrument_symbol TYPE VARCHAR(32);

-- +downgrade
-- Fails, rather than truncating, while longer symbols exist.
ALTER TABLE dividend_events ALTER COLUMN instrument_symbol TYPE VARCHAR(12);
ALTER TABLE dividend_events RENAME COLUMN instrument_symbol TO symbol;
