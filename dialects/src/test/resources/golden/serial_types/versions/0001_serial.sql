-- revision: 0001_serial
-- revises: base
-- message: SERIAL, BIGSERIAL and SMALLSERIAL columns, every spelling

-- +upgrade
CREATE TABLE counters (
    id SERIAL PRIMARY KEY,
    big BIGSERIAL NOT NULL,
    small smallserial,
    s4 serial4,
    s8 Serial8 UNIQUE,
    s2 SERIAL2
);
CREATE SCHEMA app;
CREATE TABLE app."Events" ("Id" BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO app."Events" (name) VALUES ('created'), ('updated');

-- +downgrade
DROP TABLE app."Events";
DROP SCHEMA app;
DROP TABLE counters;
