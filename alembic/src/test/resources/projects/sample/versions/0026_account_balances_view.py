"""the latest balance of every active account, for the back office

Revision ID: 0026_account_balances_view
Revises: 0025_statement_numbers
Create Date: 2024-09-09 16:21:05.557230

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0026_account_balances_view'
down_revision = '0025_statement_numbers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
CREATE VIEW account_latest_balances AS
SELECT a.id AS account_id, a.account_code, a.currency, s.snapshot_date, s.closing_balance
FROM accounts a
JOIN account_balance_snapshots s ON s.account_id = a.id
WHERE a.is_active
  AND s.snapshot_date = (
      SELECT max(snapshot_date) FROM account_balance_snapshots WHERE account_id = a.id)
""")
    op.execute("COMMENT ON VIEW account_latest_balances IS 'latest end-of-day balance per active account'")


def downgrade() -> None:
    op.execute('DROP VIEW account_latest_balances')
