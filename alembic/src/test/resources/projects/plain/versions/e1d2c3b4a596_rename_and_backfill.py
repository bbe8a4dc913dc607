"""rename users.name to full_name, tags to labels; backfill statuses

Revision ID: e1d2c3b4a596
Revises: 5b8f0a3d7e22
Create Date: 2024-05-20 08:15:09.441367

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e1d2c3b4a596'
down_revision = '5b8f0a3d7e22'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('users', 'name', new_column_name='full_name',
                    existing_type=sa.String(length=100), existing_nullable=False)
    op.alter_column('users', 'status', server_default='pending',
                    existing_type=sa.String(length=20), existing_nullable=False,
                    existing_server_default='active')
    op.rename_table('tags', 'labels')
    op.create_unique_constraint('uq_labels_name_lower', 'labels', ['name', 'id'])
    op.execute("UPDATE users SET status = 'inactive' WHERE is_active = false")
    op.drop_column('users', 'bio')


def downgrade() -> None:
    op.add_column('users', sa.Column('bio', sa.TEXT(), autoincrement=False, nullable=True))
    op.execute("UPDATE users SET is_active = false WHERE status = 'inactive'")
    op.drop_constraint('uq_labels_name_lower', 'labels', type_='unique')
    op.rename_table('labels', 'tags')
    op.alter_column('users', 'status', server_default='active',
                    existing_type=sa.String(length=20), existing_nullable=False)
    op.alter_column('users', 'full_name', new_column_name='name',
                    existing_type=sa.String(length=100), existing_nullable=False)
