\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_policies_and_grants (postgresql)
-- from: base
-- to: 0001_policies_and_grants
-- version table: alembic_version
-- sources: sha256:5a2e77d6fdbffaf4481651da3a320e2a6960fe834f857230207bd477534e29e7 over 1 revision file

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

-- Running upgrade  -> 0001_policies_and_grants, row-level security, policies, privileges and owners (roles are cluster-wide, so only postgres and PUBLIC)

CREATE TABLE documents (
    id bigint,
    owner text NOT NULL,
    tenant_id int NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE documents OWNER TO postgres;

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

ALTER TABLE documents FORCE ROW LEVEL SECURITY;

CREATE POLICY owner_reads ON documents FOR SELECT USING (owner = current_user);

CREATE POLICY tenant_isolation ON documents AS RESTRICTIVE FOR ALL TO PUBLIC
    USING (tenant_id = current_setting('app.tenant', true)::int)
    WITH CHECK (tenant_id = current_setting('app.tenant', true)::int);

CREATE POLICY insert_own ON documents AS PERMISSIVE FOR INSERT WITH CHECK (owner = current_user);

ALTER POLICY owner_reads ON documents RENAME TO owner_can_read;

ALTER POLICY insert_own ON documents TO postgres;

GRANT SELECT, UPDATE (owner) ON documents TO PUBLIC;

GRANT INSERT ON TABLE documents TO postgres WITH GRANT OPTION;

REVOKE UPDATE (owner) ON documents FROM PUBLIC;

INSERT INTO alembic_version (version_num) VALUES ('0001_policies_and_grants');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
