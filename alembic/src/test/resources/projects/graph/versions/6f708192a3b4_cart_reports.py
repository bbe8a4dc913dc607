"""cart reports, which need the carts table

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2024-07-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f708192a3b4'
down_revision = '5e6f708192a3'
branch_labels = None
depends_on = 'cart'


def upgrade() -> None:
    op.create_table('cart_reports',
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('cart_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['report_runs.id'], ),
    sa.ForeignKeyConstraint(['cart_id'], ['carts.id'], ),
    sa.PrimaryKeyConstraint('run_id', 'cart_id')
    )


def downgrade() -> None:
    op.drop_table('cart_reports')
