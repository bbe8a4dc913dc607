-- revision: 0001_materialized
-- revises: base
-- message: materialized views, PostgreSQL-only

-- +upgrade
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_totals (day, total) USING heap WITH (fillfactor = 70) AS
  SELECT date_trunc('day', at), sum(amount) FROM payments GROUP BY 1
WITH NO DATA;
CREATE MATERIALIZED VIEW totals AS SELECT count(*) FROM payments WITH DATA;
CREATE MATERIALIZED VIEW plain AS TABLE payments;
REFRESH MATERIALIZED VIEW daily_totals;
REFRESH MATERIALIZED VIEW CONCURRENTLY public.daily_totals WITH DATA;
REFRESH MATERIALIZED VIEW totals WITH NO DATA;
ALTER MATERIALIZED VIEW totals RENAME TO payment_totals;
ALTER MATERIALIZED VIEW IF EXISTS payment_totals RENAME COLUMN count TO n;
ALTER MATERIALIZED VIEW payment_totals SET SCHEMA archive;

-- +downgrade
DROP MATERIALIZED VIEW IF EXISTS archive.payment_totals, daily_totals CASCADE;
DROP MATERIALIZED VIEW plain;
