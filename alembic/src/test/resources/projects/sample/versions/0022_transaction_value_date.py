"""backfill transactions.value_date and make it mandatory

Revision ID: 0022_transaction_value_date
Revises: 0021_create_audit_schema
Create Date: 2024-07-01 08:19:44.662097

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_transaction_value_date'
down_revision = '0021_create_audit_schema'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
UPDATE transactions
SET value_date = CAST(booked_at AT TIME ZONE 'UTC' AS DATE)
WHERE value_date IS NULL
""")
    op.alter_column(
        'transactions',
        'value_date',
        existing_type=sa.Date(),
        server_default=sa.text('CURRENT_DATE'),
        nullable=False,
    )


def downgrade() -> None:
    # The backfilled dates stay: which rows were NULL before is not recorded.
    op.alter_column(
        'transactions',
        'value_date',
        existing_type=sa.Date(),
        server_default=None,
        nullable=True,
    )
