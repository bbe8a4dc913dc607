\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_change_types (postgresql)
-- from: base
-- to: 0002_change_types
-- version table: alembic_version
-- sources: sha256:19fe6ee2a5ed8110ac6408586ed7263cf9c9b69913cf79110540eb8f5d4397ea over 2 revision files

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(4896247922164608825) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1139996555 AND objid::bigint = 886943545
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 4896247922164608825 of alembic_version is held by the session with pid %',
            coalesce(holder, 'unknown')
            USING HINT = 'wait until that script has finished, then run this one again';
    END IF;
END
$strata$;

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_more_types, built-in types beyond the first subset, and PostgreSQL's own types

CREATE TABLE measurements (
    id bigint,
    f double precision,
    f24 real,
    f25 double precision,
    f4 real,
    f8 double precision,
    d numeric(8, 2),
    b bit,
    b3 bit(3),
    vb bit varying(5),
    vb2 bit varying,
    ttz time with time zone,
    ttz3 time(3) with time zone,
    tz time(2) with time zone,
    iv interval(3),
    x xml,
    PRIMARY KEY (id)
);

CREATE TABLE hosts (
    id bigint,
    price money,
    addr inet NOT NULL,
    net cidr,
    mac macaddr,
    mac8 macaddr8,
    doc tsvector,
    q tsquery,
    o oid,
    r regclass,
    r4 int4range,
    r8 int8range,
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
    c circle,
    PRIMARY KEY (id)
);

INSERT INTO hosts (id, addr, net, mac, doc, r4) VALUES (1, '10.0.0.1', '10.0.0.0/8', '08:00:2b:01:02:03', to_tsvector('simple', 'a b'), '[1,5)');

INSERT INTO alembic_version (version_num) VALUES ('0001_more_types');

-- Running upgrade 0001_more_types -> 0002_change_types, columns of the new types added and changed

ALTER TABLE hosts ADD gateway inet;

ALTER TABLE hosts ALTER COLUMN addr TYPE cidr USING set_masklen(addr, 32)::cidr;

ALTER TABLE measurements ALTER f4 TYPE double precision;

ALTER TABLE measurements ALTER b3 TYPE bit varying(8);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_change_types' WHERE alembic_version.version_num = '0001_more_types';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_more_types -> 0002_change_types changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
