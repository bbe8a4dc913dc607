\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0004_merge, 0005_audit (postgresql)
-- from: base
-- to: 0004_merge, 0005_audit
-- version table: alembic_version
-- sources: sha256:dfd3b7437ce76419e0e841f37941ef781f90598363e4f62da2916cb03c551d8b over 5 revision files

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

-- Running upgrade  -> 0001_customers, customers, the branch point

CREATE TABLE customers (
    id bigint,
    name text NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_customers');

-- Running upgrade 0001_customers -> 0002_ledger, ledger branch

CREATE SCHEMA ledger;

CREATE TABLE ledger.entries (
    id bigint,
    customer_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (customer_id) REFERENCES customers (id)
);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_ledger' WHERE alembic_version.version_num = '0001_customers';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_customers -> 0002_ledger changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running upgrade 0001_customers -> 0003_billing, billing branch, needs the ledger

CREATE TABLE invoices (
    id bigint,
    entry_id bigint NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (entry_id) REFERENCES ledger.entries (id)
);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0003_billing' WHERE alembic_version.version_num = '0002_ledger';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0002_ledger -> 0003_billing changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running upgrade 0001_customers -> 0005_audit, a third branch, left unmerged

CREATE TABLE invoice_audit (
    invoice_id bigint NOT NULL,
    at timestamp with time zone NOT NULL DEFAULT now(),
    FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0005_audit' WHERE alembic_version.version_num = '0003_billing';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0003_billing -> 0005_audit changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

-- Running upgrade 0002_ledger, 0003_billing -> 0004_merge, merge ledger and billing

ALTER TABLE invoices ADD paid boolean NOT NULL DEFAULT false;

INSERT INTO alembic_version (version_num) VALUES ('0004_merge');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
