\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_change_enum (postgresql)
-- from: base
-- to: 0002_change_enum
-- version table: alembic_version
-- sources: sha256:392dbbca34f4f3696d0e3135d7a0f7dbc7e37b06882c25ee0118b61c0c94ccf5 over 2 revision files

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

-- Running upgrade  -> 0001_enum_columns, enum, extension and schema-qualified types as column types

CREATE SCHEMA app;

CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TYPE app."Status" AS ENUM ('new', 'done');

CREATE TABLE people (
    id bigint,
    email CITEXT NOT NULL,
    current_mood mood NOT NULL DEFAULT 'ok',
    moods mood[] DEFAULT '{}',
    status app."Status",
    statuses app."Status"[],
    qualified public.mood,
    PRIMARY KEY (id),
    UNIQUE (email)
);

INSERT INTO people (id, email, current_mood, status) VALUES (1, 'A@example.com', 'happy', 'new');

INSERT INTO alembic_version (version_num) VALUES ('0001_enum_columns');

-- Running upgrade 0001_enum_columns -> 0002_change_enum, a column moved to a new enum type with ALTER COLUMN ... TYPE ... USING

CREATE TYPE mood_v2 AS ENUM ('sad', 'ok', 'happy', 'ecstatic');

ALTER TABLE people ALTER current_mood DROP DEFAULT;

ALTER TABLE people ALTER COLUMN current_mood TYPE mood_v2 USING current_mood::text::mood_v2;

ALTER TABLE people ALTER current_mood SET DEFAULT 'ecstatic';

ALTER TABLE people ADD previous public.mood_v2[];

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_change_enum' WHERE alembic_version.version_num = '0001_enum_columns';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_enum_columns -> 0002_change_enum changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
