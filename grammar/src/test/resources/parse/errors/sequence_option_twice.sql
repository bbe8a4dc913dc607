-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
CREATE SEQUENCE s START WITH 1 INCREMENT BY 2 START 5;
