-- revision: 0003_payments_channel
-- revises: 0002_create_ledger_accounts
-- message: record the channel of each payment, without a table copy

-- +upgrade
-- +dialect mysql
ALTER TABLE payments ADD COLUMN channel VARCHAR(16), ALGORITHM=INPLACE, LOCK=NONE;
-- +end
-- +model
ALTER TABLE payments ADD COLUMN channel VARCHAR(16);
-- +end

-- +downgrade
-- +dialect mysql
ALTER TABLE payments DROP COLUMN channel, ALGORITHM=INPLACE, LOCK=NONE;
-- +end
-- +model
ALTER TABLE payments DROP COLUMN channel;
-- +end
