-- revision: 0012_more_types
-- revises: 0011_serial_and_arrays
-- message: built-in types known by name, user-defined types and their modifiers

-- +upgrade
CREATE TABLE hosts (
    f FLOAT,
    f24 FLOAT(24),
    f25 float(25),
    f4 FLOAT4,
    f8 float8,
    d dec(8, 2),
    b BIT,
    b3 BIT(3),
    vb BIT VARYING(5),
    vb2 varbit,
    ttz TIME WITH TIME ZONE,
    ttz3 TIME(3) WITH TIME ZONE,
    tz timetz(2),
    iv INTERVAL(3),
    x XML,
    m money,
    addr INET NOT NULL,
    net cidr,
    mac MACADDR,
    mac8 macaddr8,
    doc tsvector,
    q tsquery,
    o oid,
    r regclass,
    r4 int4range,
    r8 INT8RANGE,
    rn numrange,
    rts tsrange,
    rtz tstzrange,
    rd daterange,
    p point,
    l line,
    ls lseg,
    bx box,
    pa path,
    pg polygon,
    c circle
);
CREATE TABLE users (
    email CITEXT NOT NULL UNIQUE,
    status status DEFAULT 'new',
    mood public.mood,
    "Mood" "Mood",
    qm "App"."Mood Type",
    embedding vector(1536),
    shape geometry(Point, 4326),
    pinned pg_catalog.int4,
    kind type,
    quoted_builtin "inet"
);
ALTER TABLE users ALTER COLUMN status TYPE user_status USING status::text::user_status;
ALTER TABLE users ALTER mood SET DATA TYPE public.mood_v2 USING mood::text::public.mood_v2, ALTER COLUMN embedding TYPE vector(768);

-- +downgrade
DROP TABLE users;
DROP TABLE hosts;
