\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: downgrade 0001_constraint_upkeep -> base (postgresql)
-- from: 0001_constraint_upkeep
-- to: base
-- version table: alembic_version
-- sources: sha256:b7504d6ee04c07524c0786d49e5d25fedc2cba9c8fb97475a7987ce3b7a74932 over 1 revision file

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
    expected text[] := ARRAY['0001_constraint_upkeep']::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [0001_constraint_upkeep]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

-- Running downgrade 0001_constraint_upkeep -> , deferrable keys, MATCH, NOT VALID, USING INDEX, EXCLUDE, SET SCHEMA and constraint upkeep

ALTER TABLE archive.bookings SET SCHEMA public;

DROP SCHEMA archive;

DROP TABLE bookings;

ALTER TABLE shelf_slots DROP label;

ALTER TABLE books DROP CONSTRAINT books_isbn_price_key;

ALTER TABLE books RENAME CONSTRAINT books_author_again_fkey TO books_author_fk2;

ALTER TABLE books ALTER CONSTRAINT books_author_fk2 NOT DEFERRABLE;

ALTER TABLE books DROP CONSTRAINT books_author_fk2;

ALTER TABLE books DROP CONSTRAINT books_price_positive;

ALTER TABLE authors DROP CONSTRAINT authors_email_key;

DROP TABLE shelf_slots, books, authors;

DO $strata$
DECLARE
    n bigint;
BEGIN
    DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_constraint_upkeep';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table delete of 0001_constraint_upkeep changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
