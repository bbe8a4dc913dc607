-- revision: 0010_widen_transaction_source
-- revises: 0009_cash_request_amount_scale
-- message: allow VIEWTRADE and GLOMOPAY as transaction sources

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
