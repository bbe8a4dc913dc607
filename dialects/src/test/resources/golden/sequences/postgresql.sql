\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_sequences (postgresql)
-- from: base
-- to: 0001_sequences
-- version table: alembic_version
-- sources: sha256:1db088b9db3ab907e2396a2a6c536f1305a10cf9aef2911983742f89d2221e6f over 1 revision file

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

-- Running upgrade  -> 0001_sequences, sequences with every option, OWNED BY, nextval defaults

CREATE SCHEMA app;

CREATE SEQUENCE order_numbers;

CREATE SEQUENCE IF NOT EXISTS app.invoice_seq AS int START WITH -100 INCREMENT BY 5 MINVALUE -100 MAXVALUE 1000000 CYCLE CACHE 20;

CREATE SEQUENCE countdown START WITH 10 INCREMENT BY -1 NO MINVALUE MAXVALUE 10 NO CYCLE OWNED BY NONE;

CREATE TABLE orders (
    id bigint DEFAULT nextval('order_numbers'::regclass),
    n int,
    PRIMARY KEY (id)
);

CREATE SEQUENCE order_lines START WITH 1000 NO MAXVALUE OWNED BY public.orders.n;

ALTER SEQUENCE order_numbers OWNED BY orders.id;

ALTER SEQUENCE IF EXISTS app.invoice_seq MAXVALUE 5000000 RESTART WITH 7 AS bigint;

ALTER SEQUENCE countdown INCREMENT BY -2 MAXVALUE 100 RESTART CACHE 1 CYCLE;

ALTER SEQUENCE countdown RENAME TO launch;

ALTER SEQUENCE IF EXISTS launch RENAME TO "Launch";

ALTER SEQUENCE IF EXISTS no_such_sequence RESTART;

INSERT INTO orders (n) VALUES (nextval('app.invoice_seq'));

INSERT INTO alembic_version (version_num) VALUES ('0001_sequences');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
