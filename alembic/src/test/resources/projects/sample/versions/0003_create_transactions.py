"""create transactions (journal headers)

Revision ID: 0003_create_transactions
Revises: 0002_create_accounts
Create Date: 2024-01-09 14:03:27.906521

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0003_create_transactions'
down_revision = '0002_create_accounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'transactions',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('transaction_uuid', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('external_ref', sa.String(length=128), nullable=True),
        sa.Column('status', sa.String(length=16), server_default='POSTED', nullable=False),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('booked_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('value_date', sa.Date(), nullable=True),
        sa.Column('metadata', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.CheckConstraint("source IN ('BANK_TRANSFER', 'CARD', 'CASH_DESK', 'INTERNAL', 'ADJUSTMENT')", name='ck_transactions_source'),
        sa.CheckConstraint("status IN ('PENDING', 'POSTED', 'REVERSED')", name='ck_transactions_status'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('transaction_uuid', name='uq_transactions_transaction_uuid'),
    )
    # A provider reference is unique per source, but manual entries have none.
    op.create_index(
        'uq_transactions_source_external_ref',
        'transactions',
        ['source', 'external_ref'],
        unique=True,
        postgresql_where=sa.text('external_ref IS NOT NULL'),
    )
    op.create_index('ix_transactions_booked_at', 'transactions', [sa.text('booked_at DESC')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_transactions_booked_at', table_name='transactions')
    op.drop_index('uq_transactions_source_external_ref', table_name='transactions')
    op.drop_table('transactions')
