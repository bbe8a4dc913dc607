-- revision: 0009_cash_request_amount_scale
-- revises: 0008_create_recon_variances
-- message: store cash request amounts at ledger precision NUMERIC(20,4)

-- +upgrade
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(20,4) USING amount::NUMERIC(20,4);

-- +downgrade
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(18,2) USING round(amount, 2);
