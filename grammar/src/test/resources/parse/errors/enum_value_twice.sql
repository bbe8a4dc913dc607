-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
CREATE TYPE mood AS ENUM ('sad', 'ok', 'sad');
