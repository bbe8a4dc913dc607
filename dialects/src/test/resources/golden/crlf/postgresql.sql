\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_ledger (postgresql)
-- from: base
-- to: 0001_ledger
-- version table: alembic_version
-- sources: sha256:b6e27b0ad522dfcf2af558da1ddeba4189ebd65c598158ed86de421153bf6763 over 1 revision file

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

-- Running upgrade  -> 0001_ledger, comments and dollar quotes, in dialect blocks and out

CREATE TABLE ledger (
    id bigint,
    amount numeric(12, 2) NOT NULL DEFAULT 0,
    memo text DEFAULT $$it's; -- not a comment$$,
    PRIMARY KEY (id)
);

INSERT INTO ledger (id, amount, memo) VALUES (1, 5, $q$a $$ inside; /* not a comment */$q$), (2, 7, 'two
lines');

-- a comment line opens the block
CREATE FUNCTION ledger_total() RETURNS numeric
LANGUAGE sql STABLE AS $body$
  -- a ; inside a tagged dollar quote
  SELECT coalesce(sum(amount), 0) FROM ledger /* ; */
$body$;

/* a block comment
   over two lines; with a semicolon */
CREATE FUNCTION ledger_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.amount < 0 THEN
    RAISE EXCEPTION 'negative amount: %', NEW.amount; -- '$body$' is no tag here
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_guard BEFORE INSERT OR UPDATE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_guard();

COMMENT ON TABLE ledger IS 'it''s the ledger; -- not a comment
second line';
-- a comment line closes the block
;

-- skipped: dialect block for mysql

INSERT INTO alembic_version (version_num) VALUES ('0001_ledger');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
