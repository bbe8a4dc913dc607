"""add credited_to_beneficiary to LRS remittances and backfill it

Revision ID: 0016_lrs_credited_signal
Revises: 0015_lrs_payment_settlement
Create Date: 2024-05-20 16:42:10.550138

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_lrs_credited_signal'
down_revision = '0015_lrs_payment_settlement'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'lrs_remittances',
        sa.Column('credited_to_beneficiary', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    )
    # Remittances settled before the provider sent credit confirmations were credited.
    op.execute(
        "UPDATE lrs_remittances SET credited_to_beneficiary = true "
        "WHERE status = 'SETTLED' AND settled_on IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_column('lrs_remittances', 'credited_to_beneficiary')
