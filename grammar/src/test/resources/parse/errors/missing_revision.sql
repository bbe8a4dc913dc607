-- revises: 0002_create_payments
-- message: no revision line

-- +upgrade
DROP TABLE t;
