-- revision: 0002_views
-- revises: 0001_tables
-- message: views, written without a block

-- +upgrade
CREATE VIEW active_users AS SELECT id, email FROM users WHERE deleted_at IS NULL;
CREATE OR REPLACE VIEW report.order_totals (user_id, total) AS
  SELECT o.user_id, sum(i.amount)  -- the query comes out as written
  FROM orders o JOIN order_items AS i ON i.order_id = o.id
  WHERE extract(year FROM o.created_at) >= 2024 AND '{"a": 1}'::jsonb ? 'a'
  GROUP BY o.user_id;
CREATE RECURSIVE VIEW countdown (n) AS VALUES (3) UNION ALL SELECT n - 1 FROM countdown WHERE n > 0;
CREATE VIEW checked_users WITH (security_barrier) AS SELECT * FROM users WHERE active WITH LOCAL CHECK OPTION;
CREATE VIEW "Recent Orders" AS WITH recent AS (SELECT * FROM orders ORDER BY created_at DESC LIMIT 10) SELECT id FROM recent;
ALTER VIEW active_users RENAME TO live_users;
ALTER VIEW IF EXISTS live_users RENAME COLUMN email TO mail;
ALTER VIEW live_users SET SCHEMA report;
CREATE VIEW doomed AS SELECT 1 AS one;
CREATE VIEW doomed_too AS SELECT one FROM doomed;
DROP VIEW doomed, doomed_too;

-- +downgrade
DROP VIEW IF EXISTS report.live_users;
DROP VIEW "Recent Orders", checked_users CASCADE;
DROP VIEW countdown;
DROP VIEW report.order_totals;
