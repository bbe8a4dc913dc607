"""create the dividend sub-ledger

Revision ID: 0018_create_dividend_events
Revises: 0012_journal_lines_account_idx
Create Date: 2024-04-09 14:27:19.436508

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0018_create_dividend_events'
down_revision = '0012_journal_lines_account_idx'
branch_labels = ('dividends',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        'dividend_events',
        sa.Column('id', sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column('event_uuid', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()'), nullable=False, unique=True),
        sa.Column('customer_id', sa.BigInteger(), sa.ForeignKey('customers.id', ondelete='RESTRICT'), nullable=False),
        sa.Column('account_id', sa.BigInteger(), sa.ForeignKey('accounts.id', ondelete='RESTRICT'), nullable=False),
        sa.Column('transaction_id', sa.BigInteger(), sa.ForeignKey('transactions.id', ondelete='SET NULL'), nullable=True),
        sa.Column('symbol', sa.String(12), nullable=False),
        sa.Column('isin', sa.CHAR(12), nullable=True),
        sa.Column('source', sa.String(20), server_default='VIEWTRADE', nullable=False),
        sa.Column('ex_date', sa.Date(), nullable=False),
        sa.Column('record_date', sa.Date(), nullable=True),
        sa.Column('pay_date', sa.Date(), nullable=False),
        sa.Column('quantity', sa.Numeric(20, 6), nullable=False),
        sa.Column('rate_per_share', sa.Numeric(20, 6), nullable=False),
        sa.Column('gross_amount', sa.Numeric(20, 4), nullable=False),
        sa.Column('withholding_tax', sa.Numeric(20, 4), server_default=sa.text('0'), nullable=False),
        sa.Column('net_amount', sa.Numeric(20, 4), nullable=False),
        sa.Column('currency', sa.CHAR(3), server_default='USD', nullable=False),
        sa.Column('status', sa.String(16), server_default='ANNOUNCED', nullable=False),
        sa.Column('raw_event', postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint("source IN ('VIEWTRADE', 'MANUAL')", name='ck_dividend_events_source'),
        sa.CheckConstraint("status IN ('ANNOUNCED', 'PAID', 'REVERSED')", name='ck_dividend_events_status'),
        sa.CheckConstraint('net_amount = gross_amount - withholding_tax', name='ck_dividend_events_net_amount'),
        sa.CheckConstraint('pay_date >= ex_date', name='ck_dividend_events_dates'),
    )
    op.create_index('ix_dividend_events_customer_pay_date', 'dividend_events', ['customer_id', 'pay_date'])
    # A reversed event may be booked again; a live one may not.
    op.create_index(
        'uq_dividend_events_live',
        'dividend_events',
        ['account_id', 'symbol', 'ex_date'],
        unique=True,
        postgresql_where=sa.text("status <> 'REVERSED'"),
    )


def downgrade() -> None:
    op.drop_index('uq_dividend_events_live', table_name='dividend_events')
    op.drop_index('ix_dividend_events_customer_pay_date', table_name='dividend_events')
    op.drop_table('dividend_events')
