-- revision: 0001_more_types
-- revises: base
-- message: built-in types beyond the first subset, and PostgreSQL's own types

-- +upgrade
CREATE TABLE measurements (
    id BIGINT PRIMARY KEY,
    f FLOAT,
    f24 FLOAT(24),
    f25 FLOAT(25),
    f4 FLOAT4,
    f8 float8,
    d DEC(8, 2),
    b BIT,
    b3 BIT(3),
    vb BIT VARYING(5),
    vb2 VARBIT,
    ttz TIME WITH TIME ZONE,
    ttz3 TIME(3) WITH TIME ZONE,
    tz TIMETZ(2),
    iv INTERVAL(3),
    x XML
);
CREATE TABLE hosts (
    id BIGINT PRIMARY KEY,
    price MONEY,
    addr INET NOT NULL,
    net CIDR,
    mac MACADDR,
    mac8 MACADDR8,
    doc TSVECTOR,
    q TSQUERY,
    o OID,
    r REGCLASS,
    r4 INT4RANGE,
    r8 INT8RANGE,
    rn NUMRANGE,
    rts TSRANGE,
    rtz TSTZRANGE,
    rd DATERANGE,
    p POINT,
    l LINE,
    ls LSEG,
    bx BOX,
    pa PATH,
    pg POLYGON,
    c CIRCLE
);
INSERT INTO hosts (id, addr, net, mac, doc, r4) VALUES (1, '10.0.0.1', '10.0.0.0/8', '08:00:2b:01:02:03', to_tsvector('simple', 'a b'), '[1,5)');

-- +downgrade
DROP TABLE hosts;
DROP TABLE measurements;
