"""allow VIEWTRADE and GLOMOPAY as transaction sources

Revision ID: 0010_widen_transaction_source
Revises: 0009_cash_request_amount_scale
Create Date: 2024-02-12 17:36:21.093745

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_widen_transaction_source'
down_revision = '0009_cash_request_amount_scale'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_constraint('ck_transactions_source', 'transactions', type_='check')
    op.create_check_constraint(
        'ck_transactions_source',
        'transactions',
        "source IN ('BANK_TRANSFER', 'CARD', 'CASH_DESK', 'INTERNAL', 'ADJUSTMENT', 'VIEWTRADE', 'GLOMOPAY')",
    )


def downgrade() -> None:
    # Fails, as it should, while VIEWTRADE or GLOMOPAY transactions exist.
    op.drop_constraint('ck_transactions_source', 'transactions', type_='check')
    op.create_check_constraint(
        'ck_transactions_source',
        'transactions',
        "source IN ('BANK_TRANSFER', 'CARD', 'CASH_DESK', 'INTERNAL', 'ADJUSTMENT')",
    )
