-- revision: 0026_account_balances_view
-- revises: 0025_statement_numbers
-- message: the latest balance of every active account, for the back office

-- +upgrade
CREATE VIEW account_latest_balances AS
SELECT a.id AS account_id, a.account_code, a.currency, s.snapshot_date, s.closing_balance
FROM accounts a
JOIN account_balance_snapshots s ON s.account_id = a.id
WHERE a.is_active
  AND s.snapshot_date = (
      SELECT max(snapshot_date) FROM account_balance_snapshots WHERE account_id = a.id);
-- +only postgresql
COMMENT ON VIEW account_latest_balances IS 'latest end-of-day balance per active account';

-- +downgrade
DROP VIEW account_latest_balances;
