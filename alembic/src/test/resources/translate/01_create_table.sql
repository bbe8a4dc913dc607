CREATE TABLE users (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    org_id INTEGER,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    UNIQUE (email)
);

CREATE INDEX ix_users_org_id ON users (org_id);
