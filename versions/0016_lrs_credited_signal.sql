-- revision: 0016_lrs_credited_signal
-- revises: 0015_lrs_payment_settlement
-- message: add credited_to_beneficiary to LRS remittances and backfill it

-- +upgrade
ALTER TABLE lrs_remittances
    ADD COLUMN IF NOT EXISTS credited_to_beneficiary BOOLEAN NOT NULL DEFAULT false;
-- Remittances settled before the provider sent credit confirmations were credited.
UPDATE lrs_remittances
SET credited_to_beneficiary = true
WHERE status = 'SETTLED' AND settled_on IS NOT NULL;

-- +downgrade
ALTER TABLE lrs_remittances DROP COLUMN IF EXISTS credited_to_beneficiary;
