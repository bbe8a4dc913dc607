-- revision: 0016_lrs_credited_signal
-- revises: 0015_lrs_payment_settlement
-- message: add credited_to_beneficiary to LRS remittances and backfill it
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +upgrade
ALTER TABLE lrs_remittances
    ADD COLUMN IF NOT EXISTS credited_to_beneficiary BOOLEAN NOT NULL DEFAULT false;
-- Remittances settled before the provider sent credit confirmations were credited.
UPDATE lrs_remittances
SET credited_to_beneficiary = true
WHERE status = 'SETTLED' AND settled_on IS NOT NULL;

-- +downgrade
ALTER TABLE lrs_remittances DROP COLUMN IF EXISTS credited_to_beneficiary;
