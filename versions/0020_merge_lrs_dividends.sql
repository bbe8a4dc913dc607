-- revision: 0020_merge_lrs_dividends
-- revises: 0017_lrs_actual_tcs, 0019_dividend_instrument_symbol
-- message: merge the lrs and dividends branches

-- +upgrade

-- +downgrade
