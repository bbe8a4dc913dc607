\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_views (postgresql)
-- from: base
-- to: 0002_views
-- version table: alembic_version
-- sources: sha256:6404e3a9f55be47bbe6bc95ef6c2cfb9b7c8436b7da403f23044ae5b3a432980 over 2 revision files

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

-- Running upgrade  -> 0001_tables, tables the views read

CREATE SCHEMA report;

CREATE TABLE users (
    id bigint,
    email text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    deleted_at timestamp with time zone,
    PRIMARY KEY (id)
);

CREATE TABLE orders (
    id bigint,
    user_id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE TABLE order_items (
    order_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL,
    FOREIGN KEY (order_id) REFERENCES orders (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- Running upgrade 0001_tables -> 0002_views, views, written without a block

CREATE VIEW active_users AS SELECT id, email FROM users WHERE deleted_at IS NULL;

CREATE OR REPLACE VIEW report.order_totals(user_id, total) AS SELECT o.user_id, sum(i.amount)  -- the query comes out as written
  FROM orders o JOIN order_items AS i ON i.order_id = o.id
  WHERE extract(year FROM o.created_at) >= 2024 AND '{"a": 1}'::jsonb ? 'a'
  GROUP BY o.user_id;

CREATE RECURSIVE VIEW countdown(n) AS VALUES (3) UNION ALL SELECT n - 1 FROM countdown WHERE n > 0;

CREATE VIEW checked_users WITH (security_barrier) AS SELECT * FROM users WHERE active WITH LOCAL CHECK OPTION;

CREATE VIEW "Recent Orders" AS WITH recent AS (SELECT * FROM orders ORDER BY created_at DESC LIMIT 10) SELECT id FROM recent;

ALTER VIEW active_users RENAME TO live_users;

ALTER VIEW IF EXISTS live_users RENAME COLUMN email TO mail;

ALTER VIEW live_users SET SCHEMA report;

CREATE VIEW doomed AS SELECT 1 AS one;

CREATE VIEW doomed_too AS SELECT one FROM doomed;

DROP VIEW doomed, doomed_too;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_views' WHERE alembic_version.version_num = '0001_tables';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_tables -> 0002_views changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
