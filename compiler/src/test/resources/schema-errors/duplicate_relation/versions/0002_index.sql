-- revision: 0002_index
-- revises: 0001_create

-- +upgrade
CREATE INDEX payments_pkey ON payments (payer_id);
