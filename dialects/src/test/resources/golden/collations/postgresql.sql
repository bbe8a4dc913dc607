\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_change_collations (postgresql)
-- from: base
-- to: 0002_change_collations
-- version table: alembic_version
-- sources: sha256:a6914325ab0c929bca16dd110fdec761945d76a3f795c7a2e4a5602dd9dc370c over 2 revision files

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

-- Running upgrade  -> 0001_collations, collations on columns

CREATE TABLE words (
    id int,
    word text COLLATE "C" NOT NULL,
    title varchar(200) COLLATE "und-x-icu",
    tags text[] COLLATE "C",
    plain text COLLATE pg_catalog."default",
    sort_key text COLLATE "C" GENERATED ALWAYS AS (lower(plain)) STORED,
    PRIMARY KEY (id)
);

INSERT INTO words (id, word) VALUES (1, 'b'), (2, 'A');

INSERT INTO alembic_version (version_num) VALUES ('0001_collations');

-- Running upgrade 0001_collations -> 0002_change_collations, collations in ADD COLUMN and ALTER COLUMN ... TYPE

ALTER TABLE words ALTER title TYPE text COLLATE "C";

ALTER TABLE words ADD note text COLLATE "POSIX" DEFAULT '';

ALTER TABLE words ALTER COLUMN word TYPE varchar(100) COLLATE "und-x-icu" USING word::VARCHAR(100);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_change_collations' WHERE alembic_version.version_num = '0001_collations';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_collations -> 0002_change_collations changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
