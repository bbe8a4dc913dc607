-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
ALTER SEQUENCE s MAXVALUE 9223372036854775808;
