"""create the LRS remittance snapshot table

Revision ID: 0013_create_lrs_remittances
Revises: 0012_journal_lines_account_idx
Create Date: 2024-04-02 10:14:33.807215

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0013_create_lrs_remittances'
down_revision = '0012_journal_lines_account_idx'
branch_labels = ('lrs',)
depends_on = None


def upgrade() -> None:
    # One row per outward remittance under the Liberalised Remittance Scheme, as
    # last reported by the payment provider. Stays empty on the UAE book.
    op.create_table(
        'lrs_remittances',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('customer_id', sa.BigInteger(), nullable=False),
        sa.Column('transaction_id', sa.BigInteger(), nullable=True),
        sa.Column('provider', sa.String(length=20), server_default='GLOMOPAY', nullable=False),
        sa.Column('provider_remittance_id', sa.String(length=64), nullable=False),
        sa.Column('financial_year', sa.CHAR(length=7), nullable=False),
        sa.Column('amount_usd', sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column('amount_inr', sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column('fx_rate', sa.Numeric(precision=20, scale=8), nullable=False),
        sa.Column('status', sa.String(length=20), server_default='INITIATED', nullable=False),
        sa.Column('provider_snapshot', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column('initiated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint(
            "status IN ('INITIATED', 'FUNDED', 'SENT', 'SETTLED', 'FAILED', 'REFUNDED')",
            name='ck_lrs_remittances_status',
        ),
        sa.CheckConstraint('amount_usd > 0 AND amount_inr > 0', name='ck_lrs_remittances_amounts_positive'),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name='fk_lrs_remittances_customer_id', ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['transaction_id'], ['transactions.id'], name='fk_lrs_remittances_transaction_id', ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('provider', 'provider_remittance_id', name='uq_lrs_remittances_provider_remittance'),
    )
    # The USD 250,000 yearly LRS limit is checked per customer and financial year.
    op.create_index('ix_lrs_remittances_customer_fy', 'lrs_remittances', ['customer_id', 'financial_year'], unique=False)
    op.execute("""
CREATE TRIGGER trg_lrs_remittances_updated_at
    BEFORE UPDATE ON lrs_remittances
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
""")


def downgrade() -> None:
    op.execute('DROP TRIGGER IF EXISTS trg_lrs_remittances_updated_at ON lrs_remittances')
    op.drop_index('ix_lrs_remittances_customer_fy', table_name='lrs_remittances')
    op.drop_table('lrs_remittances')
