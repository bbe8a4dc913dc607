-- revision: 0009_cash_request_amount_scale
-- revises: 0008_create_recon_variances
-- message: store cash request amounts at ledger precision NUMERIC(20,4)
-- strata:allow column-type-change-rewrites-table cash_requests holds a few thousand rows: the rewrite takes well under a second, and the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(20,4) USING amount::NUMERIC(20,4);

-- +downgrade
-- +only postgresql sqlite
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(18,2) USING round(amount, 2);
-- MySQL and MariaDB round a DECIMAL to its new scale themselves, and take no USING.
-- +only mysql mariadb
ALTER TABLE cash_requests ALTER COLUMN amount TYPE NUMERIC(18,2);
