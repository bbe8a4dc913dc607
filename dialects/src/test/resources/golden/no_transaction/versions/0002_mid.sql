-- revision: 0002_mid
-- revises: 0001_t
-- message: starts outside a transaction

-- +upgrade
CREATE INDEX CONCURRENTLY ix_t_id ON t (id);

-- +no-transaction
UPDATE t SET v = 'x';

ALTER TABLE t ADD COLUMN w TEXT;

-- +no-transaction
-- +dialect postgresql
VACUUM t;
-- +end

-- +downgrade
ALTER TABLE t DROP COLUMN w;
DROP INDEX CONCURRENTLY ix_t_id;
