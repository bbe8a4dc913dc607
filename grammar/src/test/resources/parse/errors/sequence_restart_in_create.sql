-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
CREATE SEQUENCE s RESTART WITH 5;
