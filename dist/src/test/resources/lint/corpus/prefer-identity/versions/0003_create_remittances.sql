-- revision: 0003_create_remittances
-- revises: 0002_create_ledger_accounts
-- message: create remittances

-- +upgrade
CREATE TABLE remittances (
    id BIGSERIAL PRIMARY KEY,
    payment_id BIGINT NOT NULL,
    purpose_code VARCHAR(8),
    remitted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
