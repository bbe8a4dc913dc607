\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_cte (postgresql)
-- from: base
-- to: 0001_cte
-- version table: alembic_version
-- sources: sha256:1c9b50236df63f9096bd33d00c90082a683f27bc9325ff937fc0afbc1130afd5 over 1 revision file

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

-- Running upgrade  -> 0001_cte, WITH before INSERT, UPDATE, DELETE

CREATE TABLE nodes (
    id int,
    parent int,
    depth int,
    stale boolean NOT NULL DEFAULT false,
    PRIMARY KEY (id)
);

CREATE TABLE archive (
    id int,
    parent int,
    PRIMARY KEY (id)
);

INSERT INTO nodes (id, parent, stale) VALUES (1, NULL, false), (2, 1, false), (3, 2, false), (4, NULL, true);

WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM nodes WHERE parent IS NULL
    UNION ALL
    SELECT n.id, t.depth + 1 FROM nodes n JOIN tree t ON n.parent = t.id) UPDATE nodes SET depth = tree.depth FROM tree WHERE tree.id = nodes.id;

WITH gone AS MATERIALIZED (DELETE FROM nodes WHERE stale RETURNING id, parent) INSERT INTO archive (id, parent) SELECT id, parent FROM gone;

WITH keep AS NOT MATERIALIZED (SELECT id FROM nodes WHERE depth < 2) DELETE FROM nodes WHERE id NOT IN (SELECT id FROM keep);

WITH v(id, parent) AS (VALUES (5, 1)) INSERT INTO nodes (id, parent, depth) VALUES (5, 1, 1);

INSERT INTO alembic_version (version_num) VALUES ('0001_cte');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;
