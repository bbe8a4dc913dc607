"""record when a dividend reached the account; the downgrade is derived by strata

Revision ID: 0028_dividend_events_paid_on
Revises: 0027_dividend_events_updated_at
Create Date: 2024-10-21 13:15:38.904426

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0028_dividend_events_paid_on'
down_revision = '0027_dividend_events_updated_at'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'dividend_events',
        sa.Column('paid_on', sa.Date(), nullable=True, comment='date the dividend reached the customer account'),
    )
    op.create_index(
        'ix_dividend_events_paid_on',
        'dividend_events',
        ['paid_on'],
        unique=False,
        postgresql_where=sa.text('paid_on IS NOT NULL'),
    )


def downgrade() -> None:
    op.drop_index('ix_dividend_events_paid_on', table_name='dividend_events')
    op.drop_column('dividend_events', 'paid_on')
