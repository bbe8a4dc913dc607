-- revision: 0002_last_tx
-- revises: 0001_account
-- message: add last_tx

-- +upgrade
ALTER TABLE account ADD COLUMN last_tx TIMESTAMP;

-- +downgrade
ALTER TABLE account DROP COLUMN last_tx;
