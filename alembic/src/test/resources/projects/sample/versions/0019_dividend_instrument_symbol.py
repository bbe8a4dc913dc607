"""rename dividend_events.symbol to instrument_symbol and widen it

Revision ID: 0019_dividend_instrument_symbol
Revises: 0018_create_dividend_events
Create Date: 2024-04-23 10:51:02.774031

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_dividend_instrument_symbol'
down_revision = '0018_create_dividend_events'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ViewTrade sends exchange-qualified symbols (e.g. BRK.B.NYSE), longer than 12.
    op.alter_column('dividend_events', 'symbol', new_column_name='instrument_symbol')
    op.alter_column(
        'dividend_events',
        'instrument_symbol',
        existing_type=sa.String(length=12),
        type_=sa.String(length=32),
        existing_nullable=False,
    )


def downgrade() -> None:
    # Fails, rather than truncating, while longer symbols exist.
    op.alter_column(
        'dividend_events',
        'instrument_symbol',
        existing_type=sa.String(length=32),
        type_=sa.String(length=12),
        existing_nullable=False,
    )
    op.alter_column('dividend_events', 'instrument_symbol', new_column_name='symbol')
