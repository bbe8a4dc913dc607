-- revision: 0009_cash_request_amount_scale
-- revises: 0008_create_recon_variances
-- message: store cash request amounts at ledger precision NUMERIC(20,4)

-- +upgrade
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(20,4) USING amount::NUMERIC(20,4);

-- +downgrade
-- +only postgresql sqlite
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(18,2) USING round(amount, 2);
-- MySQL and MariaDB round a DECIMAL to its new scale themselves, and take no USING.
-- +only mysql mariadb
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(18,2);
