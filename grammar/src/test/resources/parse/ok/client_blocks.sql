-- revision: 0008_client_blocks
-- revises: 0007_prev
-- message: what the mariadb and sqlite3 clients pass to the server as written

-- +upgrade
-- +dialect mariadb
-- a comment line: \! is data here
INSERT INTO paths (p) VALUES ('C:\\temp'), ("a ""b"""), (`x`); # \! in a comment
SELECT id,
  status
FROM jobs /* \! */;
-- +end
-- +dialect sqlite
INSERT INTO t (x) VALUES (0
.5);
SELECT 'a
.shell is data in a string';
-- +end

-- +downgrade
-- +dialect mariadb
DELETE FROM paths;
-- +end
-- +dialect sqlite
DELETE FROM t;
-- +end
