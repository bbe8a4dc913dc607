-- revision: 0001_views
-- revises: base
-- message: views: the query is kept as written, with the tables it reads

-- +upgrade
CREATE VIEW active_users AS SELECT id, email FROM users WHERE deleted_at IS NULL;
CREATE OR REPLACE VIEW report.order_totals (customer_id, total) AS
  SELECT o.customer_id, sum(i.amount)  -- a comment inside the query stays
  FROM orders o JOIN order_items AS i ON i.order_id = o.id, report.customers c
  WHERE extract(year FROM o.created_at) = 2024 AND c.id = o.customer_id
  GROUP BY o.customer_id;
CREATE TEMP VIEW recent AS WITH last AS (SELECT * FROM events ORDER BY at DESC LIMIT 10) SELECT * FROM last JOIN (SELECT id FROM "Audit") a USING (id);
CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10;
CREATE VIEW checked WITH (security_barrier, check_option = local) AS SELECT * FROM users WHERE active WITH CASCADED CHECK OPTION;
CREATE VIEW simple_checked AS SELECT * FROM users WITH CHECK OPTION;
CREATE VIEW series AS SELECT g FROM generate_series(1, 3) AS g, LATERAL (SELECT 1 FROM users) u;
ALTER VIEW active_users RENAME TO live_users;
ALTER VIEW IF EXISTS live_users RENAME COLUMN email TO mail;
ALTER VIEW live_users RENAME id TO user_id;
ALTER VIEW live_users SET SCHEMA archive;

-- +downgrade
DROP VIEW IF EXISTS archive.live_users, checked CASCADE;
DROP VIEW view;
