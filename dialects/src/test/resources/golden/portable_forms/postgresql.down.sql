\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0003_rebuilds -> base (postgresql)
-- from: 0003_rebuilds
-- to: base
-- version table: alembic_version
-- sources: sha256:50a8c608a1205cfee94199c98db2089cdb81ba653124f70c992d266725e20c63 over 3 revision files

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
    expected text[] := ARRAY['0003_rebuilds']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0003_rebuilds]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0003_rebuilds -> 0002_renames, what SQLite makes by rebuilding the table

ALTER TYPE mood RENAME VALUE 'serene' TO 'calm';

ALTER TABLE writers ADD profile jsonb;

ALTER TABLE writers ADD CONSTRAINT uq_authors_name UNIQUE (name);

ALTER TABLE books DROP added_on;

ALTER TABLE books DROP CONSTRAINT ck_books_price;

ALTER TABLE books ALTER COLUMN pages TYPE int USING pages / 2;

ALTER TABLE books ALTER list_price DROP DEFAULT;

ALTER TABLE books ALTER list_price DROP NOT NULL;

ALTER TABLE books ALTER title SET NOT NULL;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_renames' WHERE alembic_version.version_num = '0003_rebuilds';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_rebuilds -> 0002_renames changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0002_renames -> 0001_library, what SQLite renames, adds and drops in place, or recreates

DELETE FROM books;

ALTER VIEW titles RENAME COLUMN writer TO author;

ALTER VIEW titles RENAME TO book_titles;

ALTER INDEX ux_books_lower_title RENAME TO ux_books_title;

ALTER TABLE writers RENAME TO authors;

ALTER TABLE books RENAME COLUMN list_price TO price;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0001_library' WHERE alembic_version.version_num = '0002_renames';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_renames -> 0001_library changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running downgrade 0001_library -> , tables, indexes and views every dialect keeps

DROP VIEW book_titles;

DROP TABLE books;

DROP TABLE authors;

DROP TYPE mood;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_library';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_library changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
