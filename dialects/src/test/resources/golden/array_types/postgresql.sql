\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_change_arrays (postgresql)
-- from: base
-- to: 0002_change_arrays
-- version table: alembic_version
-- sources: sha256:254e878bcc474b04194fd063f30266f27a9714450c637792b672d7bea73468d9 over 2 revision files

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

-- Running upgrade  -> 0001_arrays, array columns of every spelling

CREATE TABLE tagged (
    id int,
    tags text[] NOT NULL DEFAULT '{}',
    scores int[],
    prices numeric(10, 2)[],
    grid smallint[][],
    stamps timestamp(3) with time zone[],
    codes varchar(8)[],
    flags boolean[],
    ids uuid[],
    docs jsonb[],
    at_times time(0)[],
    addrs inet[],
    PRIMARY KEY (id)
);

INSERT INTO tagged (id, tags, scores, prices, grid) VALUES (1, ARRAY['a', 'b'], '{1,2,3}', ARRAY[1.5, 2.25], '{{1,2},{3,4}}');

INSERT INTO alembic_version (version_num) VALUES ('0001_arrays');

-- Running upgrade 0001_arrays -> 0002_change_arrays, array columns added and changed

ALTER TABLE tagged ADD labels varchar(20)[] DEFAULT ARRAY[]::VARCHAR(20)[];

ALTER TABLE tagged ALTER COLUMN scores TYPE bigint[] USING scores::BIGINT[];

ALTER TABLE tagged ALTER prices TYPE numeric(12, 3)[];

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_change_arrays' WHERE alembic_version.version_num = '0001_arrays';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_arrays -> 0002_change_arrays changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
