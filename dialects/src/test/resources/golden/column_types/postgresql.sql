\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_change_types (postgresql)
-- from: base
-- to: 0002_change_types
-- version table: alembic_version
-- sources: sha256:2554b6046932ff8a13f1dce6e3ba861569772433cad4cd94be870a9d064723c7 over 2 revision files

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

-- Running upgrade  -> 0001_every_type, every column type, every spelling

CREATE TABLE every_type (
    a_smallint smallint,
    a_int2 smallint,
    a_integer int,
    a_int int,
    a_int4 int,
    a_bigint bigint,
    a_int8 bigint,
    a_numeric numeric,
    a_numeric_p numeric(10),
    a_numeric_ps numeric(12, 2),
    a_decimal numeric,
    a_decimal_ps numeric(5, 3),
    a_real real,
    a_double double precision,
    a_varchar varchar,
    a_varchar_n varchar(255),
    a_char_varying varchar(20),
    a_char char,
    a_char_n char(3),
    a_character char(2),
    a_text text,
    a_boolean boolean,
    a_bool boolean,
    a_date date,
    a_time time,
    a_time_p time(3),
    a_time_wo time,
    a_time_p_wo time(0),
    a_timestamp timestamp,
    a_timestamp_p timestamp(3),
    a_timestamp_wo timestamp,
    a_timestamp_p_wo timestamp(1),
    a_timestamp_tz timestamp with time zone,
    a_timestamp_p_tz timestamp(6) with time zone,
    a_timestamptz timestamp with time zone,
    a_timestamptz_p timestamp(2) with time zone,
    a_interval interval,
    a_json json,
    a_jsonb jsonb,
    a_uuid uuid,
    a_bytea bytea
);

INSERT INTO every_type VALUES (1, 2, 3, 4, 5, 6, 7, 1.5, 1234567890, 1234567890.12, 2.5, 12.345, 1.25, 2.5, 'v', 'v255', 'cv20', 'c', 'abc', 'ab', 'text', true, false, '2024-02-29', '12:34:56', '12:34:56.789', '01:02:03', '23:59:59', '2024-02-29 12:34:56', '2024-02-29 12:34:56.789', '2024-02-29 00:00:00', '2024-02-29 00:00:00.1', '2024-02-29 12:34:56+00', '2024-02-29 12:34:56.123456+00', '2024-02-29 12:34:56+05:30', '2024-02-29 12:34:56.12+00', '1 day 2 hours', '{"a": [1, 2]}', '{"b": null}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\xdeadbeef');

INSERT INTO alembic_version (version_num) VALUES ('0001_every_type');

-- Running upgrade 0001_every_type -> 0002_change_types, types in ADD COLUMN and ALTER COLUMN TYPE

ALTER TABLE every_type ADD b_int8 bigint NOT NULL DEFAULT 0;

ALTER TABLE every_type ADD b_decimal numeric(3) DEFAULT 0.0;

ALTER TABLE every_type ADD b_char_n char(4) DEFAULT 'abcd';

ALTER TABLE every_type ADD b_time time(6);

ALTER TABLE every_type ADD b_timestamptz timestamp(0) with time zone DEFAULT now();

ALTER TABLE every_type ALTER a_int TYPE bigint;

ALTER TABLE every_type ALTER a_int2 TYPE int;

ALTER TABLE every_type ALTER a_varchar_n TYPE text;

ALTER TABLE every_type ALTER a_text TYPE varchar(100);

ALTER TABLE every_type ALTER a_numeric TYPE double precision;

ALTER TABLE every_type ALTER a_real TYPE numeric(8, 4);

ALTER TABLE every_type ALTER COLUMN a_timestamp TYPE timestamp with time zone USING a_timestamp AT TIME ZONE 'UTC';

ALTER TABLE every_type ALTER a_time_p TYPE time(0);

ALTER TABLE every_type ALTER COLUMN a_json TYPE jsonb USING a_json::jsonb;

ALTER TABLE every_type ALTER a_uuid TYPE text;

ALTER TABLE every_type ALTER a_bool TYPE boolean;

ALTER TABLE every_type ALTER a_char TYPE char(2);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_change_types' WHERE alembic_version.version_num = '0001_every_type';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_every_type -> 0002_change_types changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
