"""cash request status becomes an enum type

Revision ID: 0023_cash_request_status_enum
Revises: 0022_transaction_value_date
Create Date: 2024-07-15 11:48:30.225716

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023_cash_request_status_enum'
down_revision = '0022_transaction_value_date'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TYPE cash_request_status AS ENUM "
        "('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED')"
    )
    op.drop_constraint('ck_cash_requests_status', 'cash_requests', type_='check')
    # The old default ('REQUESTED'::character varying) cannot be cast to the enum: drop it first.
    op.alter_column('cash_requests', 'status', existing_type=sa.String(length=16), server_default=None)
    op.alter_column(
        'cash_requests',
        'status',
        existing_type=sa.String(length=16),
        type_=sa.Enum(
            'REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED',
            name='cash_request_status',
        ),
        existing_nullable=False,
        postgresql_using='status::cash_request_status',
    )
    op.alter_column('cash_requests', 'status', server_default='REQUESTED')


def downgrade() -> None:
    op.alter_column('cash_requests', 'status', server_default=None)
    op.alter_column(
        'cash_requests',
        'status',
        existing_type=sa.Enum(
            'REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED',
            name='cash_request_status',
        ),
        type_=sa.String(length=16),
        existing_nullable=False,
        postgresql_using='status::text',
    )
    op.alter_column('cash_requests', 'status', server_default='REQUESTED')
    op.create_check_constraint(
        'ck_cash_requests_status',
        'cash_requests',
        "status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED')",
    )
    op.execute('DROP TYPE cash_request_status')
