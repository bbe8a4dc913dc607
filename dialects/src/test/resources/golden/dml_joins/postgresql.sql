\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0002_joins (postgresql)
-- from: base
-- to: 0002_joins
-- version table: alembic_version
-- sources: sha256:aea3d754252179c269fdd1c8623fe4bd09a92c836ecfc09750594dc2755861c4 over 2 revision files

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

-- Running upgrade  -> 0001_tables, plans, users, sessions

CREATE TABLE plans (
    id int,
    name text NOT NULL,
    seats int NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE users (
    id int,
    plan_id int,
    plan text,
    seats int,
    note text DEFAULT 'none',
    deleted boolean NOT NULL DEFAULT false,
    PRIMARY KEY (id)
);

CREATE TABLE sessions (
    id int,
    user_id int NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO plans VALUES (1, 'free', 1), (2, 'team', 10);

INSERT INTO users (id, plan_id, note, deleted) VALUES (1, 1, 'x', false), (2, 2, 'y', false), (3, 2, 'z', true);

INSERT INTO sessions VALUES (10, 1), (11, 3), (12, 3);

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- Running upgrade 0001_tables -> 0002_joins, UPDATE ... FROM, DELETE ... USING, row SET items, aliases

UPDATE users AS u SET plan = p.name FROM plans p WHERE p.id = u.plan_id;

UPDATE users AS u SET (seats, note) = (SELECT p.seats, p.name || '!' FROM plans p WHERE p.id = u.plan_id) WHERE u.id = 2;

UPDATE users SET note = DEFAULT, (plan_id) = ROW (NULL) WHERE id = 1;

DELETE FROM sessions AS s USING users u WHERE s.user_id = u.id AND u.deleted;

DELETE FROM users AS gone WHERE gone.deleted RETURNING gone.id;

DO $strata$
DECLARE
    n bigint;
BEGIN
    UPDATE alembic_version SET version_num = '0002_joins' WHERE alembic_version.version_num = '0001_tables';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
        RAISE EXCEPTION 'strata: version-table update 0001_tables -> 0002_joins changed % rows of alembic_version, expected 1', n;
    END IF;
END
$strata$;

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
