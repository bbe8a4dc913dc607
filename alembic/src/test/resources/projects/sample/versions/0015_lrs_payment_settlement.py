"""add payment and settlement columns to LRS remittances

Revision ID: 0015_lrs_payment_settlement
Revises: 0014_lrs_references
Create Date: 2024-05-06 11:20:51.304977

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0015_lrs_payment_settlement'
down_revision = '0014_lrs_references'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('lrs_remittances', sa.Column('payment_id', postgresql.UUID(as_uuid=True), nullable=True))
    op.add_column('lrs_remittances', sa.Column('funds_available', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    op.add_column('lrs_remittances', sa.Column('settlement_id', sa.String(length=64), nullable=True))
    op.add_column('lrs_remittances', sa.Column('settlement_utr', sa.String(length=22), nullable=True))
    op.add_column('lrs_remittances', sa.Column('settled_on', sa.Date(), nullable=True))
    op.create_index(
        'ix_lrs_remittances_settlement_id',
        'lrs_remittances',
        ['settlement_id'],
        unique=False,
        postgresql_where=sa.text('settlement_id IS NOT NULL'),
    )


def downgrade() -> None:
    op.drop_index('ix_lrs_remittances_settlement_id', table_name='lrs_remittances')
    op.drop_column('lrs_remittances', 'settled_on')
    op.drop_column('lrs_remittances', 'settlement_utr')
    op.drop_column('lrs_remittances', 'settlement_id')
    op.drop_column('lrs_remittances', 'funds_available')
    op.drop_column('lrs_remittances', 'payment_id')
