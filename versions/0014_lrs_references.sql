-- revision: 0014_lrs_references
-- revises: 0013_create_lrs_remittances
-- message: add remittance_information and reference_number to LRS remittances
-- strata:allow create-index-not-concurrently the partial index covers reference_number, added above and NULL in every row: nothing to index; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- +upgrade
ALTER TABLE lrs_remittances
    ADD COLUMN IF NOT EXISTS remittance_information TEXT,
    ADD COLUMN IF NOT EXISTS reference_number VARCHAR(35);
CREATE UNIQUE INDEX IF NOT EXISTS uq_lrs_remittances_reference_number
    ON lrs_remittances (reference_number)
    WHERE reference_number IS NOT NULL;

-- +downgrade
DROP INDEX IF EXISTS uq_lrs_remittances_reference_number;
ALTER TABLE lrs_remittances
    DROP COLUMN IF EXISTS reference_number,
    DROP COLUMN IF EXISTS remittance_information;
