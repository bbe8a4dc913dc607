-- revision: 0001_tables
-- revises: base
-- message: tables, keys named by PostgreSQL, identities, enums, checks, defaults

-- +upgrade
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE parent (
    id SERIAL PRIMARY KEY,
    code VARCHAR(10) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE TABLE child (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id INTEGER NOT NULL REFERENCES parent ON DELETE CASCADE,
    name VARCHAR(40),
    m mood NOT NULL DEFAULT 'ok',
    amount NUMERIC(18,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    a INTEGER,
    b INTEGER,
    UNIQUE (a, b)
);
CREATE INDEX ON child (name DESC);
CREATE INDEX ix_child_ab ON child (a, b);
CREATE UNIQUE INDEX ux_child_name ON child (parent_id, name) WHERE name IS NOT NULL;
INSERT INTO parent (code) VALUES ('p1'), ('p2');
INSERT INTO parent (code) VALUES ('p1') ON CONFLICT DO NOTHING;

-- +downgrade
DROP TABLE child;
DROP TABLE parent;
DROP TYPE mood;
