-- revision: 0013_generated_and_collate
-- revises: 0012_more_types
-- message: generated columns, collations, DROP EXPRESSION

-- +upgrade
CREATE TABLE people (
    first_name TEXT COLLATE "C" NOT NULL,
    last_name VARCHAR(100) COLLATE pg_catalog."default",
    sort_key TEXT COLLATE "und-x-icu" GENERATED ALWAYS AS (lower(first_name) || ' ' || lower(last_name)) STORED,
    total NUMERIC(12, 2) CONSTRAINT ignored GENERATED ALWAYS AS (price * (1 + tax)) STORED NOT NULL,
    tags TEXT[] COLLATE "C",
    price NUMERIC(12, 2) DEFAULT 0,
    tax NUMERIC(4, 3),
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', first_name)) STORED
);
ALTER TABLE people
    ADD COLUMN initials TEXT GENERATED ALWAYS AS (left(first_name, 1) || left(last_name, 1)) STORED,
    ALTER COLUMN last_name TYPE TEXT COLLATE "C",
    ALTER COLUMN first_name SET DATA TYPE VARCHAR(50) COLLATE "C" USING first_name::varchar(50);
ALTER TABLE people ALTER COLUMN total DROP EXPRESSION, ALTER search DROP EXPRESSION IF EXISTS;

-- +downgrade
DROP TABLE people;
