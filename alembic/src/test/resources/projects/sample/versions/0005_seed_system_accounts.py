"""seed the house's system accounts

Revision ID: 0005_seed_system_accounts
Revises: 0004_create_journal_lines
Create Date: 2024-01-10 16:05:13.774209

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_seed_system_accounts'
down_revision = '0004_create_journal_lines'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ON CONFLICT DO NOTHING, which op.bulk_insert cannot say: a system account created by hand
    # before this revision is kept as it is.
    op.execute("""
INSERT INTO accounts (account_code, name, account_type, currency) VALUES
    ('SYS-SUSPENSE-USD', 'Suspense (USD)', 'LIABILITY', 'USD'),
    ('SYS-SUSPENSE-AED', 'Suspense (AED)', 'LIABILITY', 'AED'),
    ('SYS-SUSPENSE-INR', 'Suspense (INR)', 'LIABILITY', 'INR'),
    ('SYS-CASH-CLEARING-AED', 'Cash desk clearing (AED)', 'ASSET', 'AED'),
    ('SYS-FEE-INCOME-USD', 'Platform fee income (USD)', 'INCOME', 'USD'),
    ('SYS-FX-GAIN-LOSS-USD', 'FX gain and loss (USD)', 'INCOME', 'USD')
ON CONFLICT DO NOTHING
""")


def downgrade() -> None:
    op.execute("""
DELETE FROM accounts
WHERE customer_id IS NULL
  AND account_code IN (
      'SYS-SUSPENSE-USD', 'SYS-SUSPENSE-AED', 'SYS-SUSPENSE-INR',
      'SYS-CASH-CLEARING-AED', 'SYS-FEE-INCOME-USD', 'SYS-FX-GAIN-LOSS-USD')
""")
