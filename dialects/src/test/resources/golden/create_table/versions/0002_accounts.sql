-- revision: 0002_accounts
-- revises: 0001_owners
-- message: every column type

-- +upgrade
CREATE TABLE public.accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id BIGINT REFERENCES owners (id) ON DELETE CASCADE,
    owner_code VARCHAR(10) CONSTRAINT fk_owner_code REFERENCES owners (code) ON DELETE SET NULL ON UPDATE CASCADE,
    s SMALLINT NULL,
    i INTEGER NOT NULL DEFAULT 0,
    n NUMERIC,
    n10 NUMERIC(10),
    amount NUMERIC(12, 2) CONSTRAINT ck_amount CHECK (amount >= 0),
    r REAL,
    d DOUBLE PRECISION,
    v VARCHAR,
    v40 VARCHAR(40) UNIQUE,
    c CHAR,
    c3 CHAR(3) CHECK (c3 <> ''),
    t TEXT DEFAULT '',
    b BOOLEAN NOT NULL DEFAULT false,
    day DATE DEFAULT CURRENT_DATE,
    at TIME,
    at3 TIME(3),
    ts TIMESTAMP,
    ts0 TIMESTAMP(0),
    tz TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    tz6 TIMESTAMPTZ(6),
    iv INTERVAL,
    j JSON,
    jb JSONB NOT NULL DEFAULT '{}'::jsonb,
    u UUID,
    bytes BYTEA,
    "Display Name" TEXT,
    CONSTRAINT accounts_pk PRIMARY KEY (id),
    UNIQUE (owner_id, "Display Name"),
    CHECK (jb ? 'k' OR jb = '{}'::jsonb),
    CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE NO ACTION ON UPDATE RESTRICT
);

-- +downgrade
DROP TABLE public.accounts;
