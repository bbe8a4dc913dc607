-- revision: 0011_serial_and_arrays
-- revises: 0010_arrays
-- message: SERIAL columns and array types of every spelling

-- +upgrade
CREATE TABLE counters (
    id SERIAL PRIMARY KEY,
    big BIGSERIAL,
    small smallserial NOT NULL,
    s4 serial4,
    s8 SERIAL8 UNIQUE,
    s2 Serial2
);
CREATE TABLE tagged (
    tags TEXT[] NOT NULL DEFAULT '{}',
    sized INTEGER[3],
    matrix NUMERIC(10, 2)[][],
    cube VARCHAR(20)[2][2][2],
    keyword_form BIGINT ARRAY,
    keyword_sized TIMESTAMP(3) WITH TIME ZONE ARRAY[4],
    moods mood[] DEFAULT ARRAY['happy']::mood[],
    quoted "Mood"[],
    qualified public.mood ARRAY
);
ALTER TABLE tagged ADD COLUMN n BIGSERIAL, ALTER COLUMN tags TYPE VARCHAR(40)[] USING tags::varchar(40)[];

-- +downgrade
DROP TABLE tagged;
DROP TABLE counters;
