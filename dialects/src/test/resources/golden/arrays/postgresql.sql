\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_array_values (postgresql)
-- from: base
-- to: 0002_array_values
-- version table: alembic_version
-- sources: sha256:721d8dbe63a5d5262e7022cb50554d487d71ca95bb12164aa5037fbd8cd713e1 over 2 revision files

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

-- Running upgrade  -> 0001_tagged, tagged rows with array columns

CREATE TABLE tagged (
    id int,
    PRIMARY KEY (id)
);

ALTER TABLE tagged ADD tags text[] NOT NULL DEFAULT ARRAY[]::TEXT[];

ALTER TABLE tagged ADD scores int[];

INSERT INTO alembic_version (version_num) VALUES ('0001_tagged');

-- Running upgrade 0001_tagged -> 0002_array_values, array values, subscripts and slices in every kind of expression

INSERT INTO tagged (id, tags, scores) VALUES (1, ARRAY['a', 'b'], ARRAY[1, 2, 3]), (2, ARRAY[']', '['], '{4,5}');

UPDATE tagged SET tags = ARRAY['a','b'] WHERE tags[1] = ']';

UPDATE tagged SET scores = scores[1: 2], tags = tags || ARRAY['c'] WHERE scores[3] IS NOT NULL;

ALTER TABLE tagged ADD first_score int NOT NULL DEFAULT (ARRAY[1, 2])[1], ADD CHECK (first_score = ANY (ARRAY[1, 2]));

ALTER TABLE tagged ALTER tags SET DEFAULT ARRAY['new'];

CREATE INDEX ix_tagged_first_tag ON tagged((tags[1]), (lower(tags[2]))) WHERE tags[1: 2] <> ARRAY['x', 'y'];

DELETE FROM tagged WHERE scores[1] IN (SELECT unnest(ARRAY[7, 8]));

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_array_values' WHERE alembic_version.version_num = '0001_tagged';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_tagged -> 0002_array_values changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
