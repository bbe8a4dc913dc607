-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
CREATE TABLE t (id INTEGER GENERATED ALWAYS AS IDENTITY (INCREMENT BY 0));
