"""add remittance_information and reference_number to LRS remittances

Revision ID: 0014_lrs_references
Revises: 0013_create_lrs_remittances
Create Date: 2024-04-16 13:49:08.662410

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_lrs_references'
down_revision = '0013_create_lrs_remittances'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('lrs_remittances', sa.Column('remittance_information', sa.Text(), nullable=True))
    op.add_column('lrs_remittances', sa.Column('reference_number', sa.String(length=35), nullable=True))
    op.create_index(
        'uq_lrs_remittances_reference_number',
        'lrs_remittances',
        ['reference_number'],
        unique=True,
        postgresql_where=sa.text('reference_number IS NOT NULL'),
    )


def downgrade() -> None:
    op.drop_index('uq_lrs_remittances_reference_number', table_name='lrs_remittances')
    op.drop_column('lrs_remittances', 'reference_number')
    op.drop_column('lrs_remittances', 'remittance_information')
