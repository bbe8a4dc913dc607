-- revision: 0003_alter
-- revises: 0002_drop

-- +upgrade
ALTER TABLE payments ADD COLUMN settled_on DATE;
