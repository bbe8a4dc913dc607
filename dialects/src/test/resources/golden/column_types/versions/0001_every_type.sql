-- revision: 0001_every_type
-- revises: base
-- message: every column type, every spelling

-- +upgrade
CREATE TABLE every_type (
    a_smallint SMALLINT,
    a_int2 INT2,
    a_integer INTEGER,
    a_int INT,
    a_int4 INT4,
    a_bigint BIGINT,
    a_int8 INT8,
    a_numeric NUMERIC,
    a_numeric_p NUMERIC(10),
    a_numeric_ps NUMERIC(12, 2),
    a_decimal DECIMAL,
    a_decimal_ps DECIMAL(5, 3),
    a_real REAL,
    a_double DOUBLE PRECISION,
    a_varchar VARCHAR,
    a_varchar_n VARCHAR(255),
    a_char_varying CHARACTER VARYING(20),
    a_char CHAR,
    a_char_n CHAR(3),
    a_character CHARACTER(2),
    a_text TEXT,
    a_boolean BOOLEAN,
    a_bool BOOL,
    a_date DATE,
    a_time TIME,
    a_time_p TIME(3),
    a_time_wo TIME WITHOUT TIME ZONE,
    a_time_p_wo TIME(0) WITHOUT TIME ZONE,
    a_timestamp TIMESTAMP,
    a_timestamp_p TIMESTAMP(3),
    a_timestamp_wo TIMESTAMP WITHOUT TIME ZONE,
    a_timestamp_p_wo TIMESTAMP(1) WITHOUT TIME ZONE,
    a_timestamp_tz TIMESTAMP WITH TIME ZONE,
    a_timestamp_p_tz TIMESTAMP(6) WITH TIME ZONE,
    a_timestamptz TIMESTAMPTZ,
    a_timestamptz_p TIMESTAMPTZ(2),
    a_interval INTERVAL,
    a_json JSON,
    a_jsonb JSONB,
    a_uuid UUID,
    a_bytea BYTEA
);

INSERT INTO every_type VALUES (
    1, 2, 3, 4, 5, 6, 7,
    1.5, 1234567890, 1234567890.12, 2.5, 12.345,
    1.25, 2.5,
    'v', 'v255', 'cv20', 'c', 'abc', 'ab', 'text',
    true, false,
    '2024-02-29', '12:34:56', '12:34:56.789', '01:02:03', '23:59:59',
    '2024-02-29 12:34:56', '2024-02-29 12:34:56.789', '2024-02-29 00:00:00', '2024-02-29 00:00:00.1',
    '2024-02-29 12:34:56+00', '2024-02-29 12:34:56.123456+00', '2024-02-29 12:34:56+05:30', '2024-02-29 12:34:56.12+00',
    '1 day 2 hours', '{"a": [1, 2]}', '{"b": null}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\xdeadbeef'
);

-- +downgrade
DROP TABLE every_type;
