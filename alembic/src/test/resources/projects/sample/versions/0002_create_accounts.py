"""create ledger accounts

Revision ID: 0002_create_accounts
Revises: 0001_create_customers
Create Date: 2024-01-08 09:40:02.118734

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_create_accounts'
down_revision = '0001_create_customers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # customer_id is NULL for the house's own (system) accounts.
    op.create_table(
        'accounts',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('customer_id', sa.BigInteger(), nullable=True),
        sa.Column('account_code', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('account_type', sa.String(length=16), nullable=False),
        sa.Column('currency', sa.CHAR(length=3), nullable=False),
        sa.Column('is_active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("account_type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')", name='ck_accounts_account_type'),
        sa.CheckConstraint('closed_at IS NULL OR closed_at >= opened_at', name='ck_accounts_closed_after_opened'),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name='fk_accounts_customer_id', ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('account_code', name='uq_accounts_account_code'),
    )
    op.create_index(op.f('ix_accounts_customer_id'), 'accounts', ['customer_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_accounts_customer_id'), table_name='accounts')
    op.drop_table('accounts')
