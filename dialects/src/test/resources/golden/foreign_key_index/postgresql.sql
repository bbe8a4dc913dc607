\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_index (postgresql)
-- from: base
-- to: 0002_index
-- version table: alembic_version
-- sources: sha256:26d0983dc24e6b9eac70e97bf7b56be8dce2186ae0c25f328177fa2359567f08 over 2 revision files

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

-- Running upgrade  -> 0001_tables, a foreign key without an index of its own

CREATE TABLE parents (
    id bigint,
    PRIMARY KEY (id)
);

CREATE TABLE children (
    id bigint,
    parent_id bigint NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_children_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- Running upgrade 0001_tables -> 0002_index, an index InnoDB takes over for the foreign key; dropping it gives the key its own back

CREATE INDEX ix_children_parent_id ON children(parent_id, id);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_index' WHERE alembic_version.version_num = '0001_tables';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_tables -> 0002_index changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
