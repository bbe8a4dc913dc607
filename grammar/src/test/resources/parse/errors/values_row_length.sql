-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
INSERT INTO t (a, b) VALUES (1, 2), (3);
