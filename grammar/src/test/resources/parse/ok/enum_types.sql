-- revision: 0001_enum_types
-- revises: base
-- message: enum types; composite types and domains (PostgreSQL-only)

-- +upgrade
CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s great');
CREATE TYPE app.empty_enum AS ENUM ();
ALTER TYPE mood ADD VALUE 'happy';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';
alter type app.mood add value 'ecstatic' after 'happy';
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
ALTER TYPE mood RENAME TO feeling;
CREATE TYPE pair AS (a integer, b text);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0) NOT NULL;
CREATE DOMAIN app.email text CONSTRAINT email_at CHECK (position('@' in VALUE) > 0);

-- +downgrade
DROP DOMAIN IF EXISTS app.email, positive CASCADE;
DROP TYPE pair;
DROP TYPE IF EXISTS feeling, app.empty_enum RESTRICT;
