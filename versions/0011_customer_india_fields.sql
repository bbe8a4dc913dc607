-- revision: 0011_customer_india_fields
-- revises: 0010_widen_transaction_source
-- message: add ViewTrade account refs, PAN and partner id to customers

-- +upgrade
ALTER TABLE customers
    ADD COLUMN viewtrade_account_refs JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN pan VARCHAR(10),
    ADD COLUMN partner_id VARCHAR(64),
    ADD CONSTRAINT ck_customers_pan_format
        CHECK (pan IS NULL OR pan SIMILAR TO '[A-Z]{5}[0-9]{4}[A-Z]');
-- One PAN per customer; UAE customers have none.
CREATE UNIQUE INDEX uq_customers_pan ON customers (pan) WHERE pan IS NOT NULL;
CREATE INDEX ix_customers_partner_id ON customers (partner_id) WHERE partner_id IS NOT NULL;

-- +downgrade
DROP INDEX ix_customers_partner_id;
DROP INDEX uq_customers_pan;
ALTER TABLE customers
    DROP CONSTRAINT ck_customers_pan_format,
    DROP COLUMN partner_id,
    DROP COLUMN pan,
    DROP COLUMN viewtrade_account_refs;
