-- revision: 0003_email
-- revises: 0002_accounts
-- message: email

-- +upgrade
ALTER TABLE customers ADD COLUMN email VARCHAR(255);

-- +downgrade
ALTER TABLE customers DROP COLUMN email;
