-- revision: 0011_escapes
-- revises: 0010_merge

-- +upgrade
INSERT INTO t (a, b) VALUES (E'it\'s; fine\\', 'it''s; fine too'), (e'\n', U&'d\0061t');
UPDATE t SET a = 'multi
line; string' WHERE b <> '';
