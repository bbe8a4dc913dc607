"""store cash request amounts at ledger precision NUMERIC(20,4)

Revision ID: 0009_cash_request_amount_scale
Revises: 0008_create_recon_variances
Create Date: 2024-02-05 12:10:57.408362

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_cash_request_amount_scale'
down_revision = '0008_create_recon_variances'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        'cash_requests',
        'amount',
        existing_type=sa.Numeric(precision=18, scale=2),
        type_=sa.Numeric(precision=20, scale=4),
        existing_nullable=False,
        postgresql_using='amount::NUMERIC(20,4)',
    )


def downgrade() -> None:
    op.alter_column(
        'cash_requests',
        'amount',
        existing_type=sa.Numeric(precision=20, scale=4),
        type_=sa.Numeric(precision=18, scale=2),
        existing_nullable=False,
        postgresql_using='round(amount, 2)',
    )
