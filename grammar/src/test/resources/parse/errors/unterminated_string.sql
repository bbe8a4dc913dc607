-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
INSERT INTO t (a) VALUES ('it''s fine');
UPDATE t SET a = 'it''s not;
DROP TABLE t;
