-- revision: 0001_payments
-- revises: base
-- message: a table and materialized views over it

-- +upgrade
CREATE TABLE payments (id BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL, amount NUMERIC(12, 2) NOT NULL);
INSERT INTO payments (id, at, amount) VALUES (1, '2024-01-01T10:00:00Z', 10), (2, '2024-01-02T10:00:00Z', 5);
CREATE MATERIALIZED VIEW daily_totals (day, total) AS
  SELECT date_trunc('day', at AT TIME ZONE 'UTC'), sum(amount) FROM payments GROUP BY 1
WITH DATA;
CREATE UNIQUE INDEX ux_daily_totals_day ON daily_totals (day);
CREATE MATERIALIZED VIEW IF NOT EXISTS payment_count USING heap WITH (fillfactor = 70) AS SELECT count(*) AS n FROM payments WITH NO DATA;

-- +downgrade
DROP MATERIALIZED VIEW payment_count;
DROP MATERIALIZED VIEW IF EXISTS daily_totals CASCADE;
DROP TABLE payments;
