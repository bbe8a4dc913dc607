\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_add_and_drop_expression (postgresql)
-- from: base
-- to: 0002_add_and_drop_expression
-- version table: alembic_version
-- sources: sha256:b52efe1dcff6feadffa2839102bd60557056fee5990ad17976af9074b5a16ebb over 2 revision files

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

-- Running upgrade  -> 0001_generated, stored generated columns

CREATE TABLE orders (
    id bigint,
    price numeric(12, 2) NOT NULL,
    qty int NOT NULL DEFAULT 1,
    total numeric(14, 2) GENERATED ALWAYS AS (price * qty) STORED,
    label text GENERATED ALWAYS AS ('order ' || id::text) STORED NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE notes (
    id bigint,
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,
    PRIMARY KEY (id)
);

INSERT INTO orders (id, price, qty) VALUES (1, 9.99, 3);

INSERT INTO alembic_version (version_num) VALUES ('0001_generated');

-- Running upgrade 0001_generated -> 0002_add_and_drop_expression, a generated column added to a table with rows, and an expression dropped

ALTER TABLE orders ADD doubled int GENERATED ALWAYS AS (qty * 2) STORED;

ALTER TABLE orders ALTER COLUMN label DROP EXPRESSION;

ALTER TABLE orders ALTER COLUMN total DROP EXPRESSION IF EXISTS;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_add_and_drop_expression' WHERE alembic_version.version_num = '0001_generated';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_generated -> 0002_add_and_drop_expression changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
