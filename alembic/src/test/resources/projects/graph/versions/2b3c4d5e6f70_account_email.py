"""account email

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
Create Date: 2024-07-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2b3c4d5e6f70'
down_revision = '1a2b3c4d5e6f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('accounts', sa.Column('email', sa.String(length=255), nullable=True))
    op.create_index('ix_accounts_email', 'accounts', ['email'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_accounts_email', table_name='accounts')
    op.drop_column('accounts', 'email')
