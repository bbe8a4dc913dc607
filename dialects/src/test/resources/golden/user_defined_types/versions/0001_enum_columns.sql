-- revision: 0001_enum_columns
-- revises: base
-- message: enum, extension and schema-qualified types as column types

-- +upgrade
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app."Status" AS ENUM ('new', 'done');
CREATE TABLE people (
    id BIGINT PRIMARY KEY,
    email CITEXT NOT NULL UNIQUE,
    current_mood mood NOT NULL DEFAULT 'ok',
    moods mood[] DEFAULT '{}',
    status app."Status",
    statuses app."Status" ARRAY,
    qualified public.mood
);
INSERT INTO people (id, email, current_mood, status) VALUES (1, 'A@example.com', 'happy', 'new');

-- +downgrade
DROP TABLE people;
DROP TYPE app."Status";
DROP TYPE mood;
DROP EXTENSION citext;
DROP SCHEMA app;
