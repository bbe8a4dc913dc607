"""merge the lrs and dividends branches

Revision ID: 0020_merge_lrs_dividends
Revises: 0017_lrs_actual_tcs, 0019_dividend_instrument_symbol
Create Date: 2024-06-10 12:00:41.309877

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020_merge_lrs_dividends'
down_revision = ('0017_lrs_actual_tcs', '0019_dividend_instrument_symbol')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
