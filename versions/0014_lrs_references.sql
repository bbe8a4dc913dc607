-- revision: 0014_lrs_references
-- revises: 0013_create_lrs_remittances
-- message: add remittance_information and reference_number to LRS remittances

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
