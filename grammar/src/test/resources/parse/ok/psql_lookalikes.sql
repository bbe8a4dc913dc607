-- revision: 0014_psql_lookalikes
-- revises: 0013_raw_blocks
-- message: backslashes and colons that psql leaves alone

-- +upgrade
ALTER TABLE t ADD COLUMN IF NOT EXISTS path TEXT NOT NULL DEFAULT 'C:\temp\x' CHECK (path <> E'\\');
UPDATE t SET path = E'it\'s \\ fine', firsts = tags[1: 2], n = n::int8
WHERE note::text <> 'a:b :c' AND "odd\name :x" IS NULL;
INSERT INTO t (id, note) VALUES (1, $$ \! not a command :'nor' a variable $$), (2, 'x'::text);
DELETE FROM t -- a backslash in a comment: \! stays a comment
WHERE note = 'x' /* and \! here, /* nested :'too' */ */;
-- +dialect postgresql
CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
DECLARE n int := 1;  -- := assigns
BEGIN RETURN n; END
$body$;
SELECT a$b$ FROM t WHERE x::text = 'y';
-- +end
-- +dialect postgresql psql-meta-commands
\set answer 42
INSERT INTO t (id) VALUES (:answer);
-- +end

-- +downgrade
-- +dialect mysql
SELECT '\\' AS `\! is data for mysql`;
-- +end
