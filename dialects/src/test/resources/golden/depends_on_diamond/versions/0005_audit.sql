-- revision: 0005_audit
-- revises: 0001_customers
-- message: a third branch, left unmerged
-- depends-on: 0003_billing

-- +upgrade
CREATE TABLE invoice_audit (
    invoice_id BIGINT NOT NULL REFERENCES invoices (id),
    at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +downgrade
DROP TABLE invoice_audit;
