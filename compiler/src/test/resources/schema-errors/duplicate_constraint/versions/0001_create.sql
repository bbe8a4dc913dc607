-- revision: 0001_create
-- revises: base

-- +upgrade
CREATE TABLE payments (
    id BIGINT PRIMARY KEY,
    amount NUMERIC(12, 2),
    CONSTRAINT ck_amount CHECK (amount > 0)
);
ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount >= 0);
