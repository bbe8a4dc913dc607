"""create reconciliation variances

Revision ID: 0008_create_recon_variances
Revises: 0007_create_balance_snapshots
Create Date: 2024-01-29 15:31:48.240117

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0008_create_recon_variances'
down_revision = '0007_create_balance_snapshots'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reconciliation_variances',
        sa.Column('id', sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column('account_id', sa.BigInteger(), sa.ForeignKey('accounts.id', ondelete='CASCADE'), nullable=False),
        sa.Column('snapshot_id', sa.BigInteger(), sa.ForeignKey('account_balance_snapshots.id', ondelete='SET NULL'), nullable=True),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('expected_amount', sa.Numeric(20, 4), nullable=False),
        sa.Column('actual_amount', sa.Numeric(20, 4), nullable=False),
        sa.Column('variance_amount', sa.Numeric(20, 4), nullable=False),
        sa.Column('currency', sa.CHAR(3), nullable=False),
        sa.Column('status', sa.String(16), server_default='OPEN', nullable=False),
        sa.Column('details', postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column('detected_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('resolution_note', sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('OPEN', 'INVESTIGATING', 'RESOLVED', 'WRITTEN_OFF')",
            name='ck_reconciliation_variances_status',
        ),
        sa.CheckConstraint(
            'variance_amount = actual_amount - expected_amount',
            name='ck_reconciliation_variances_amount',
        ),
        sa.CheckConstraint(
            "resolved_at IS NULL OR status IN ('RESOLVED', 'WRITTEN_OFF')",
            name='ck_reconciliation_variances_resolved',
        ),
    )
    # The ops dashboard only ever lists unresolved variances.
    op.create_index(
        'ix_reconciliation_variances_unresolved',
        'reconciliation_variances',
        ['account_id', 'business_date'],
        postgresql_where=sa.text("status IN ('OPEN', 'INVESTIGATING')"),
    )


def downgrade() -> None:
    op.drop_index('ix_reconciliation_variances_unresolved', table_name='reconciliation_variances')
    op.drop_table('reconciliation_variances')
