-- revision: 0005_seed_system_accounts
-- revises: 0004_create_journal_lines
-- message: seed the house's system accounts

-- +upgrade
INSERT INTO accounts (account_code, name, account_type, currency) VALUES
    ('SYS-SUSPENSE-USD', 'Suspense (USD)', 'LIABILITY', 'USD'),
    ('SYS-SUSPENSE-AED', 'Suspense (AED)', 'LIABILITY', 'AED'),
    ('SYS-SUSPENSE-INR', 'Suspense (INR)', 'LIABILITY', 'INR'),
    ('SYS-CASH-CLEARING-AED', 'Cash desk clearing (AED)', 'ASSET', 'AED'),
    ('SYS-FEE-INCOME-USD', 'Platform fee income (USD)', 'INCOME', 'USD'),
    ('SYS-FX-GAIN-LOSS-USD', 'FX gain and loss (USD)', 'INCOME', 'USD')
ON CONFLICT DO NOTHING;

-- +downgrade
DELETE FROM accounts
WHERE customer_id IS NULL
  AND account_code IN (
      'SYS-SUSPENSE-USD', 'SYS-SUSPENSE-AED', 'SYS-SUSPENSE-INR',
      'SYS-CASH-CLEARING-AED', 'SYS-FEE-INCOME-USD', 'SYS-FX-GAIN-LOSS-USD');
