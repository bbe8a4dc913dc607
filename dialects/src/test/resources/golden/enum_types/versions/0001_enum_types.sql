-- revision: 0001_enum_types
-- revises: base
-- message: enum types and their values in order

-- +upgrade
CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s great');
CREATE TYPE app.empty_enum AS ENUM ();
CREATE TYPE app.level AS ENUM ('low', 'high');
ALTER TYPE app.level ADD VALUE 'medium' BEFORE 'high';
ALTER TYPE app.level ADD VALUE IF NOT EXISTS 'top' AFTER 'high';
ALTER TYPE app.level ADD VALUE IF NOT EXISTS 'low';
ALTER TYPE app.level RENAME VALUE 'top' TO 'highest';
ALTER TYPE mood RENAME TO feeling;
ALTER TYPE app.empty_enum RENAME TO nothing;
CREATE TYPE pair AS (a integer, b text);
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);

-- +downgrade
DROP DOMAIN positive;
DROP TYPE IF EXISTS pair, feeling CASCADE;
DROP TYPE app.level, app.nothing RESTRICT;
DROP SCHEMA app;
