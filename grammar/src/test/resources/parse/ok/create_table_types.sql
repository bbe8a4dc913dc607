-- revision: 0001_types
-- revises: base
-- message: every column type of the subset

-- +upgrade
CREATE TABLE IF NOT EXISTS app.all_types (
    a BIGINT,
    b INTEGER,
    c INT,
    d INT4,
    e SMALLINT,
    f INT2,
    g INT8,
    h NUMERIC,
    i NUMERIC(12),
    j DECIMAL(12, 2),
    k REAL,
    l DOUBLE PRECISION,
    m VARCHAR(255),
    n CHARACTER VARYING(40),
    o CHAR(3),
    p TEXT,
    q BOOLEAN,
    r BOOL,
    s DATE,
    t TIME,
    u TIMESTAMP,
    v TIMESTAMP(3) WITHOUT TIME ZONE,
    w TIMESTAMP WITH TIME ZONE,
    x TIMESTAMPTZ,
    y INTERVAL,
    z JSON,
    aa JSONB,
    ab UUID,
    ac BYTEA,
    ad character(1),
    ae varchar
);

-- +downgrade
DROP TABLE IF EXISTS app.all_types CASCADE;
