"""report per account email

Revision ID: 8192a3b4c5d6
Revises: 6f708192a3b4
Create Date: 2024-07-03 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8192a3b4c5d6'
down_revision = '6f708192a3b4'
branch_labels = None
depends_on = ('2b3c4d5e6f70',)


def upgrade() -> None:
    op.add_column('report_runs', sa.Column('account_email', sa.String(length=255), nullable=True))
    op.create_foreign_key('fk_report_runs_account_email', 'report_runs', 'accounts', ['account_email'], ['email'])


def downgrade() -> None:
    op.drop_constraint('fk_report_runs_account_email', 'report_runs', type_='foreignkey')
    op.drop_column('report_runs', 'account_email')
