-- revision: 0003_last
-- revises: 0002_mid
-- message: ends outside a transaction

-- +upgrade
ALTER TABLE t ADD COLUMN z TEXT;
CREATE INDEX CONCURRENTLY ix_t_w ON t (w);
CREATE INDEX CONCURRENTLY ix_t_z ON t (z);

-- +downgrade
-- +no-transaction
DROP INDEX ix_t_z;
DROP INDEX CONCURRENTLY ix_t_w;
ALTER TABLE t DROP COLUMN z;
