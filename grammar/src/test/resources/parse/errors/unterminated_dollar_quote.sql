-- revision: 0003_add_email
-- revises: 0002_create_payments

-- +upgrade
-- +dialect postgresql
SELECT 1;
-- +end
UPDATE t SET body = $body$ one; two $bod$ ;
DROP TABLE t;
