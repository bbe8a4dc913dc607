"""cash requests can be put on hold while compliance reviews them

Revision ID: 0024_cash_request_on_hold
Revises: 0023_cash_request_status_enum
Create Date: 2024-08-05 14:02:57.390654

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024_cash_request_on_hold'
down_revision = '0023_cash_request_status_enum'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # PostgreSQL refuses a new enum value in the transaction that added it: the ALTER TYPE is
    # committed on its own, so the UPDATE below runs in a transaction of its own.
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE cash_request_status ADD VALUE IF NOT EXISTS 'ON_HOLD' AFTER 'APPROVED'")
    op.execute("""
UPDATE cash_requests
SET status = 'ON_HOLD'
WHERE status = 'APPROVED' AND processed_at IS NULL AND branch_code = 'COMPLIANCE'
""")


def downgrade() -> None:
    # PostgreSQL cannot drop an enum value: the type is rebuilt without it.
    op.execute("UPDATE cash_requests SET status = 'APPROVED' WHERE status = 'ON_HOLD'")
    op.execute('ALTER TYPE cash_request_status RENAME TO cash_request_status_old')
    op.execute(
        "CREATE TYPE cash_request_status AS ENUM "
        "('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED')"
    )
    op.alter_column('cash_requests', 'status', server_default=None)
    op.alter_column(
        'cash_requests',
        'status',
        type_=sa.Enum(
            'REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED',
            name='cash_request_status',
        ),
        existing_nullable=False,
        postgresql_using='status::text::cash_request_status',
    )
    op.alter_column('cash_requests', 'status', server_default='REQUESTED')
    op.execute('DROP TYPE cash_request_status_old')
