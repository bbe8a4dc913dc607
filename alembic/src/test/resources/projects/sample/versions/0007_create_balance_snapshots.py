"""create end-of-day account balance snapshots

Revision ID: 0007_create_balance_snapshots
Revises: 0006_create_cash_requests
Create Date: 2024-01-22 08:47:05.661903

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_create_balance_snapshots'
down_revision = '0006_create_cash_requests'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'account_balance_snapshots',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('account_id', sa.BigInteger(), nullable=False),
        sa.Column('snapshot_date', sa.Date(), nullable=False),
        sa.Column('opening_balance', sa.Numeric(precision=20, scale=4), server_default=sa.text('0'), nullable=False),
        sa.Column('debit_total', sa.Numeric(precision=20, scale=4), server_default=sa.text('0'), nullable=False),
        sa.Column('credit_total', sa.Numeric(precision=20, scale=4), server_default=sa.text('0'), nullable=False),
        sa.Column('closing_balance', sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column('currency', sa.CHAR(length=3), nullable=False),
        sa.Column('line_count', sa.Integer(), server_default=sa.text('0'), nullable=False),
        sa.Column('taken_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.ForeignKeyConstraint(
            ['account_id'], ['accounts.id'],
            name='fk_account_balance_snapshots_account_id', ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('account_id', 'snapshot_date', name='uq_account_balance_snapshots_account_date'),
    )


def downgrade() -> None:
    op.drop_table('account_balance_snapshots')
