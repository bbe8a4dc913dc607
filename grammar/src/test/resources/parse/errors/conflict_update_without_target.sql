-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT DO UPDATE SET a = EXCLUDED.a;
