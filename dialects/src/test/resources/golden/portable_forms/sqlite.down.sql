.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: downgrade 0003_rebuilds -> base (sqlite)
-- from: 0003_rebuilds
-- to: base
-- version table: alembic_version
-- sources: sha256:50a8c608a1205cfee94199c98db2089cdb81ba653124f70c992d266725e20c63 over 3 revision files

PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_e2f1135528c3 (
    value clob,
    CONSTRAINT `strata: alembic_version holds [base], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '')),
    CONSTRAINT `strata: alembic_version holds other rows than [0003_rebuilds], the rows this script starts from` CHECK ((value IS '0003_rebuilds'))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '0003_rebuilds');

INSERT INTO temp.strata_check_e2f1135528c3 (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running downgrade 0003_rebuilds -> 0002_renames, what SQLite makes by rebuilding the table

-- strata: rebuild of table writers (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table writers would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('writers') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'name', 'mood') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'writers' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_831a9da7eb52 (
    value clob,
    CONSTRAINT `strata: the rebuild of table writers must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table writers would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_831a9da7eb52 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('writers') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'name', 'mood') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'writers' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_writers (
    id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    name varchar(100) COLLATE BINARY NOT NULL,
    mood text DEFAULT ('happy'),
    CHECK ((
        mood IS NULL
        OR mood IN (
            'happy', 'calm', 'sad'
        )
    ))
);

INSERT INTO strata_new_writers (id, name, mood) SELECT id, name, CASE WHEN mood = 'serene' THEN 'calm' ELSE mood END FROM writers;

DELETE FROM sqlite_sequence WHERE name = 'strata_new_writers';

INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_writers', seq FROM sqlite_sequence WHERE name = 'writers';

DROP TABLE writers;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_writers RENAME TO writers;

PRAGMA legacy_alter_table = OFF;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_5a000cb2f8d2 (
    value int,
    CONSTRAINT `strata: the rebuild of table writers breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_5a000cb2f8d2 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

-- strata: rebuild of table writers (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table writers would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('writers') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'name', 'mood') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'writers' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_831a9da7eb52 (
    value clob,
    CONSTRAINT `strata: the rebuild of table writers must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table writers would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_831a9da7eb52 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('writers') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'name', 'mood') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'writers' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ()))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_writers (
    id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    name varchar(100) COLLATE BINARY NOT NULL,
    mood text DEFAULT ('happy'),
    profile text,
    CHECK ((
        mood IS NULL
        OR mood IN (
            'happy', 'calm', 'sad'
        )
    )),
    CHECK ((
        profile IS NULL
        OR json_valid(profile)
    )),
    CONSTRAINT uq_authors_name UNIQUE (name)
);

INSERT INTO strata_new_writers (id, name, mood) SELECT id, name, mood FROM writers;

DELETE FROM sqlite_sequence WHERE name = 'strata_new_writers';

INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_writers', seq FROM sqlite_sequence WHERE name = 'writers';

DROP TABLE writers;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_writers RENAME TO writers;

PRAGMA legacy_alter_table = OFF;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_5a000cb2f8d2 (
    value int,
    CONSTRAINT `strata: the rebuild of table writers breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_5a000cb2f8d2 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

-- strata: rebuild of table books (SQLite's 12-step procedure, see docs/dialects.md)
SAVEPOINT strata_rebuild;

SELECT ((('strata: ' || kind) || ' ') || name || ' of table books would be lost by its rebuild') FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('books') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'author_id', 'title', 'pages', 'list_price', 'title_upper', 'added_on') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'books' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ('books_author_id_idx', 'ux_books_lower_title')))) AS strata_unknown;

CREATE TABLE IF NOT EXISTS temp.strata_check_098600cb10b8 (
    value clob,
    CONSTRAINT `strata: the rebuild of table books must run with PRAGMA foreign_keys = OFF (run the whole script, not a part of it)` CHECK (value <> 'foreign keys'),
    CONSTRAINT `strata: the rebuild of table books would lose what is printed above (a trigger, or a column or index the schema model does not know): drop it before this change and make it again after, in '-- +dialect sqlite' blocks` CHECK (value <> 'unknown')
);

INSERT INTO temp.strata_check_098600cb10b8 (value) VALUES (CASE WHEN (SELECT foreign_keys FROM pragma_foreign_keys) <> 0 THEN 'foreign keys' WHEN EXISTS (SELECT 1 FROM (SELECT 'column' AS kind, name AS name FROM pragma_table_xinfo('books') WHERE ((name) COLLATE NOCASE) NOT IN ('id', 'author_id', 'title', 'pages', 'list_price', 'title_upper', 'added_on') UNION ALL SELECT type AS kind, name AS name FROM sqlite_master WHERE (((tbl_name) COLLATE NOCASE) = 'books' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND (type = 'trigger' OR ((name) COLLATE NOCASE) NOT IN ('books_author_id_idx', 'ux_books_lower_title')))) AS strata_unknown) THEN 'unknown' ELSE '' END);

CREATE TABLE strata_new_books (
    id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    author_id integer NOT NULL,
    title text NOT NULL,
    pages integer,
    list_price numeric(10, 2),
    title_upper text GENERATED ALWAYS AS (upper(title)) STORED,
    CONSTRAINT books_title_check CHECK (length(title) > 0),
    CONSTRAINT books_pages_check CHECK ((pages IS NULL OR pages > 0)),
    CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES writers (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE
);

INSERT INTO strata_new_books (id, author_id, title, pages, list_price) SELECT id, author_id, title, (pages / 2), list_price FROM books;

DELETE FROM sqlite_sequence WHERE name = 'strata_new_books';

INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_books', seq FROM sqlite_sequence WHERE name = 'books';

DROP TABLE books;

PRAGMA legacy_alter_table = ON;

ALTER TABLE strata_new_books RENAME TO books;

PRAGMA legacy_alter_table = OFF;

CREATE INDEX books_author_id_idx ON books(author_id);

CREATE UNIQUE INDEX ux_books_lower_title ON books((lower(title))) WHERE pages > 10;

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_5562650df418 (
    value int,
    CONSTRAINT `strata: the rebuild of table books breaks a foreign key (see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_5562650df418 (value) SELECT count(*) FROM pragma_foreign_key_check;

RELEASE strata_rebuild;

CREATE TABLE IF NOT EXISTS temp.strata_check_419faffa5ccb (
    value int,
    CONSTRAINT `strata: version-table update 0003_rebuilds -> 0002_renames changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_renames' WHERE alembic_version.version_num = '0003_rebuilds';
INSERT INTO temp.strata_check_419faffa5ccb (value) VALUES (changes());

-- Running downgrade 0002_renames -> 0001_library, what SQLite renames, adds and drops in place, or recreates

DELETE FROM books;

DROP VIEW titles;

CREATE VIEW titles(book_id, author) AS SELECT id AS id, author_id AS author_id FROM books WHERE author_id > 0;

DROP VIEW titles;

CREATE VIEW book_titles(book_id, author) AS SELECT id AS id, author_id AS author_id FROM books WHERE author_id > 0;

DROP INDEX ux_books_lower_title;

CREATE UNIQUE INDEX ux_books_title ON books((lower(title))) WHERE pages > 10;

ALTER TABLE writers RENAME TO authors;

ALTER TABLE books RENAME COLUMN list_price TO price;

CREATE TABLE IF NOT EXISTS temp.strata_check_ca8771cde34a (
    value int,
    CONSTRAINT `strata: version-table update 0002_renames -> 0001_library changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0001_library' WHERE alembic_version.version_num = '0002_renames';
INSERT INTO temp.strata_check_ca8771cde34a (value) VALUES (changes());

-- Running downgrade 0001_library -> , tables, indexes and views every dialect keeps

DROP VIEW book_titles;

DROP TABLE books;

DROP TABLE authors;

CREATE TABLE IF NOT EXISTS temp.strata_check_650b71b9a30a (
    value int,
    CONSTRAINT `strata: version-table delete of 0001_library changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_library';
INSERT INTO temp.strata_check_650b71b9a30a (value) VALUES (changes());

SELECT ((((('strata: ' || `table`) || ' row ') || coalesce(cast(rowid AS clob), '?')) || ' has no ') || parent || ' row for its foreign key') FROM pragma_foreign_key_check LIMIT 10;

CREATE TABLE IF NOT EXISTS temp.strata_check_53cfded07f31 (
    value int,
    CONSTRAINT `strata: foreign keys are broken at the end of this script (a table rebuild runs with PRAGMA foreign_keys = OFF, see the rows printed above)` CHECK (value = 0)
);

INSERT INTO temp.strata_check_53cfded07f31 (value) SELECT count(*) FROM pragma_foreign_key_check;

COMMIT;

PRAGMA foreign_keys = ON;
