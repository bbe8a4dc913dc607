-- revision: 0020_dml_wide
-- revises: 0019_prev
-- message: wider data-changing statements, SELECT and TRUNCATE

-- +upgrade
UPDATE users AS u SET plan = p.name FROM plans p, "Billing".accounts a JOIN regions r ON r.id = a.region_id WHERE p.id = u.plan_id AND a.user_id = u.id;
UPDATE orders o SET (status, updated_at) = ('closed', DEFAULT), note = DEFAULT WHERE o.id < 10;
UPDATE orders SET (total, items) = (SELECT sum(amount), count(*) FROM lines l WHERE l.order_id = orders.id) RETURNING id, total;
DELETE FROM sessions s USING users u, lateral_t WHERE s.user_id = u.id AND u.deleted;
DELETE FROM ONLY_notes AS n WHERE n.id IN (SELECT id FROM tmp) RETURNING *;
WITH RECURSIVE tree (id, parent) AS (SELECT id, parent FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, n.parent FROM nodes n JOIN tree t ON n.parent = t.id), gone AS NOT MATERIALIZED (DELETE FROM nodes WHERE stale RETURNING id) UPDATE nodes SET rooted = true WHERE id IN (SELECT id FROM tree);
WITH moved AS MATERIALIZED (DELETE FROM inbox WHERE done RETURNING *) INSERT INTO archive SELECT * FROM moved;
INSERT INTO users AS u (email, name) VALUES ('a@example.com', 'A') ON CONFLICT (email) WHERE deleted_at IS NULL DO UPDATE SET name = EXCLUDED.name, (seen, hits) = (now(), u.hits + 1) WHERE u.name IS DISTINCT FROM EXCLUDED.name;
INSERT INTO tags (name) VALUES ('x') ON CONFLICT ON CONSTRAINT tags_name_key DO NOTHING;
INSERT INTO tags (name) SELECT lower(n) FROM raw_tags ON CONFLICT (lower(name), (name || '')) DO NOTHING;
INSERT INTO counters DEFAULT VALUES;
INSERT INTO ids (id, label) OVERRIDING SYSTEM VALUE VALUES (1, 'one') RETURNING id;
SELECT setval('users_id_seq', (SELECT max(id) FROM users));
SELECT pg_catalog.set_config('search_path', '', false), public.create_hypertable('conditions', 'time');
WITH x AS (SELECT 1) SELECT * FROM x;
TRUNCATE TABLE ONLY audit.log, events RESTART IDENTITY CASCADE;
TRUNCATE staging CONTINUE IDENTITY RESTRICT;

-- +downgrade
-- +irreversible
