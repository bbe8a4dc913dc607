"""cart totals

Revision ID: 708192a3b4c5
Revises: 4d5e6f708192
Create Date: 2024-07-09 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '708192a3b4c5'
down_revision = '4d5e6f708192'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('carts', sa.Column('total', sa.Numeric(10, 2), server_default='0', nullable=False))


def downgrade() -> None:
    op.drop_column('carts', 'total')
