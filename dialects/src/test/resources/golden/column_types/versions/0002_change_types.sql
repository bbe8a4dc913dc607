-- revision: 0002_change_types
-- revises: 0001_every_type
-- message: types in ADD COLUMN and ALTER COLUMN TYPE

-- +upgrade
ALTER TABLE every_type
    ADD COLUMN b_int8 INT8 NOT NULL DEFAULT 0,
    ADD COLUMN b_decimal DECIMAL(3) DEFAULT 0.0,
    ADD COLUMN b_char_n CHARACTER(4) DEFAULT 'abcd',
    ADD COLUMN b_time TIME(6) WITHOUT TIME ZONE,
    ADD COLUMN b_timestamptz TIMESTAMPTZ(0) DEFAULT now(),
    ALTER COLUMN a_int TYPE BIGINT,
    ALTER COLUMN a_int2 SET DATA TYPE INTEGER,
    ALTER COLUMN a_varchar_n TYPE TEXT,
    ALTER COLUMN a_text TYPE VARCHAR(100),
    ALTER COLUMN a_numeric TYPE DOUBLE PRECISION,
    ALTER COLUMN a_real TYPE NUMERIC(8, 4),
    ALTER COLUMN a_timestamp TYPE TIMESTAMP WITH TIME ZONE USING a_timestamp AT TIME ZONE 'UTC',
    ALTER COLUMN a_time_p TYPE TIME(0),
    ALTER COLUMN a_json TYPE JSONB USING a_json::jsonb,
    ALTER COLUMN a_uuid TYPE TEXT,
    ALTER COLUMN a_bool TYPE BOOLEAN,
    ALTER COLUMN a_char TYPE CHAR(2);

-- +downgrade
ALTER TABLE every_type
    ALTER COLUMN a_char TYPE CHAR,
    ALTER COLUMN a_uuid TYPE UUID USING a_uuid::uuid,
    ALTER COLUMN a_json TYPE JSON USING a_json::json,
    ALTER COLUMN a_time_p TYPE TIME(3),
    ALTER COLUMN a_timestamp TYPE TIMESTAMP USING a_timestamp AT TIME ZONE 'UTC',
    ALTER COLUMN a_real TYPE REAL,
    ALTER COLUMN a_numeric TYPE NUMERIC,
    ALTER COLUMN a_text TYPE TEXT,
    ALTER COLUMN a_varchar_n TYPE VARCHAR(255),
    ALTER COLUMN a_int2 TYPE SMALLINT,
    ALTER COLUMN a_int TYPE INTEGER,
    DROP COLUMN b_timestamptz,
    DROP COLUMN b_time,
    DROP COLUMN b_char_n,
    DROP COLUMN b_decimal,
    DROP COLUMN b_int8;
