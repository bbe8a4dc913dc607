-- revision: 0010_widen_transaction_source
-- revises: 0009_cash_request_amount_scale
-- message: allow VIEWTRADE and GLOMOPAY as transaction sources
-- strata:allow constraint-without-not-valid the new CHECK only widens the old one, which every row satisfies; transactions is scanned once, and the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
ALTER TABLE transactions
    DROP CONSTRAINT ck_transactions_source,
    ADD CONSTRAINT ck_transactions_source CHECK (source IN (
        'BANK_TRANSFER', 'CARD', 'CASH_DESK', 'INTERNAL', 'ADJUSTMENT', 'VIEWTRADE', 'GLOMOPAY'));

-- +downgrade
-- Fails, as it should, while VIEWTRADE or GLOMOPAY transactions exist.
ALTER TABLE transactions
    DROP CONSTRAINT ck_transactions_source,
    ADD CONSTRAINT ck_transactions_source CHECK (source IN (
        'BANK_TRANSFER', 'CARD', 'CASH_DESK', 'INTERNAL', 'ADJUSTMENT'));
