-- revision: 0001_cte
-- revises: base
-- message: WITH before INSERT, UPDATE, DELETE

-- +upgrade
CREATE TABLE nodes (id INTEGER PRIMARY KEY, parent INTEGER, depth INTEGER, stale BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE archive (id INTEGER PRIMARY KEY, parent INTEGER);
INSERT INTO nodes (id, parent, stale) VALUES (1, NULL, false), (2, 1, false), (3, 2, false), (4, NULL, true);
WITH RECURSIVE tree (id, depth) AS (
    SELECT id, 0 FROM nodes WHERE parent IS NULL
    UNION ALL
    SELECT n.id, t.depth + 1 FROM nodes n JOIN tree t ON n.parent = t.id
)
UPDATE nodes SET depth = tree.depth FROM tree WHERE tree.id = nodes.id;
WITH gone AS MATERIALIZED (DELETE FROM nodes WHERE stale RETURNING id, parent)
INSERT INTO archive (id, parent) SELECT id, parent FROM gone;
WITH keep AS NOT MATERIALIZED (SELECT id FROM nodes WHERE depth < 2) DELETE FROM nodes WHERE id NOT IN (SELECT id FROM keep);
WITH v (id, parent) AS (VALUES (5, 1)) INSERT INTO nodes (id, parent, depth) VALUES (5, 1, 1);

-- +downgrade
DROP TABLE archive;
DROP TABLE nodes;
