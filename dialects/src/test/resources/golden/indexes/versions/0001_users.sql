-- revision: 0001_users
-- revises: base
-- message: users

-- +upgrade
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    email TEXT NOT NULL,
    tenant INTEGER,
    data JSONB,
    deleted_at TIMESTAMPTZ
);

-- +downgrade
DROP TABLE users;
