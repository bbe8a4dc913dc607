-- revision: 0015_lrs_payment_settlement
-- revises: 0014_lrs_references
-- message: add payment and settlement columns to LRS remittances
-- strata:allow create-index-not-concurrently the partial index covers settlement_id, added above and NULL in every row: nothing to index; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +upgrade
ALTER TABLE lrs_remittances
    ADD COLUMN IF NOT EXISTS payment_id UUID,
    ADD COLUMN IF NOT EXISTS funds_available BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS settlement_id VARCHAR(64),
    ADD COLUMN IF NOT EXISTS settlement_utr VARCHAR(22),
    ADD COLUMN IF NOT EXISTS settled_on DATE;
CREATE INDEX IF NOT EXISTS ix_lrs_remittances_settlement_id
    ON lrs_remittances (settlement_id)
    WHERE settlement_id IS NOT NULL;

-- +downgrade
DROP INDEX IF EXISTS ix_lrs_remittances_settlement_id;
ALTER TABLE lrs_remittances
    DROP COLUMN IF EXISTS settled_on,
    DROP COLUMN IF EXISTS settlement_utr,
    DROP COLUMN IF EXISTS settlement_id,
    DROP COLUMN IF EXISTS funds_available,
    DROP COLUMN IF EXISTS payment_id;
