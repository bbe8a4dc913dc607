.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0004_cancel (sqlite)
-- from: base
-- to: 0004_cancel
-- version table: alembic_version
-- sources: sha256:a4de2bb511a3c82bad52b377e36876d5cabf78c0c0867499287b1113bc758dd2 over 4 revision files

PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_b79c352ef87a (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0004_cancel], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0004_cancel')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_b79c352ef87a (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_status, orders with a status

CREATE TABLE orders (
    id integer NOT NULL,
    status text NOT NULL DEFAULT ('new'),
    PRIMARY KEY (id),
    CHECK ((
        status IS NULL
        OR status IN (
            'new', 'paid'
        )
    ))
);

INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid'), (3, 'paid');

INSERT INTO alembic_version (version_num) VALUES ('0001_status');

-- Running upgrade 0001_status -> 0002_shipped, values used in the revision that adds them

-- strata: rebuild of table orders (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table orders would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_bb551ab3af39 (
    value clob,
    CONSTRAINT `strata: the rebuild of table orders must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table orders would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_bb551ab3af39 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_orders (
    id integer NOT NULL,
    status text NOT NULL DEFAULT ('new'),
    CHECK ((
        status IS NULL
        OR status IN (
            'new', 'paid', 'shipped'
        )
    )),
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

INSERT INTO strata_new_orders (id, status) SELECT id, status FROM orders;

DROP TABLE orders;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_orders RENAME TO orders;

PRAGMA legacy_alter_table = OFF;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_2d98983baf55 (
    value int,
    CONSTRAINT `strata: the rebuild of table orders breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_2d98983baf55 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

-- strata: rebuild of table orders (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table orders would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_bb551ab3af39 (
    value clob,
    CONSTRAINT `strata: the rebuild of table orders must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table orders would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_bb551ab3af39 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_orders (
    id integer NOT NULL,
    status text NOT NULL DEFAULT ('new'),
    CHECK ((
        status IS NULL
        OR status IN (
            'new', 'paid', 'shipped', 'returned'
        )
    )),
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

INSERT INTO strata_new_orders (id, status) SELECT id, status FROM orders;

DROP TABLE orders;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_orders RENAME TO orders;

PRAGMA legacy_alter_table = OFF;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_2d98983baf55 (
    value int,
    CONSTRAINT `strata: the rebuild of table orders breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_2d98983baf55 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

UPDATE orders SET status = 'shipped' WHERE id = 2;

INSERT INTO orders (id, status) VALUES (4, 'returned');

CREATE TABLE IF NOT EXISTS temp.strata_check_116930d2d0a5 (
    value int,
    CONSTRAINT `strata: version-table update 0001_status -> 0002_shipped changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_shipped' WHERE alembic_version.version_num = '0001_status';
INSERT INTO temp.strata_check_116930d2d0a5 (value) VALUES (changes());

-- Running upgrade 0002_shipped -> 0003_cancelled, a value added last in its revision

-- strata: rebuild of table orders (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table orders would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_bb551ab3af39 (
    value clob,
    CONSTRAINT `strata: the rebuild of table orders must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table orders would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_bb551ab3af39 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('orders') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'status') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'orders' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_orders (
    id integer NOT NULL,
    status text NOT NULL DEFAULT ('new'),
    CHECK ((
        status IS NULL
        OR status IN (
            'new', 'paid', 'shipped', 'returned', 'cancelled'
        )
    )),
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

INSERT INTO strata_new_orders (id, status) SELECT id, status FROM orders;

DROP TABLE orders;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_orders RENAME TO orders;

PRAGMA legacy_alter_table = OFF;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_2d98983baf55 (
    value int,
    CONSTRAINT `strata: the rebuild of table orders breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_2d98983baf55 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

CREATE TABLE IF NOT EXISTS temp.strata_check_ab2ea9948ced (
    value int,
    CONSTRAINT `strata: version-table update 0002_shipped -> 0003_cancelled changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0003_cancelled' WHERE alembic_version.version_num = '0002_shipped';
INSERT INTO temp.strata_check_ab2ea9948ced (value) VALUES (changes());

-- Running upgrade 0003_cancelled -> 0004_cancel, the value used in the next revision

UPDATE orders SET status = 'cancelled' WHERE id = 3;

CREATE TABLE IF NOT EXISTS temp.strata_check_354053d10e0f (
    value int,
    CONSTRAINT `strata: version-table update 0003_cancelled -> 0004_cancel changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0004_cancel' WHERE alembic_version.version_num = '0003_cancelled';
INSERT INTO temp.strata_check_354053d10e0f (value) VALUES (changes());

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_53cfded07f31 (
    value int,
    CONSTRAINT `strata: foreign keys are broken at the end of this script (a table rebuild runs with PRAGMA foreign_keys = OFF, see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_53cfded07f31 (value) SELECT count(*) FROM pragma_foreign_key_check;

COMMIT;

PRAGMA foreign_keys = ON;
