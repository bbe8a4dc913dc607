"""timestamps on every table: Python logic that does not touch the database

Revision ID: f2a3b4c5d6e7
Revises: e1f2a3b4c5d6
Create Date: 2024-08-12 09:00:00.000001

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f2a3b4c5d6e7'
down_revision = 'e1f2a3b4c5d6'
branch_labels = None
depends_on = None

TABLES = ['documents', 'folders', 'attachments']
USE_SOFT_DELETE = True


def _timestamp(name):
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, _timestamp('created_at'))
        op.add_column(table, _timestamp('updated_at'))
    if USE_SOFT_DELETE:
        op.add_column('documents', sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "COMMENT ON TABLE {} IS '{}'".format('documents', 'texts the users wrote')
    )


def downgrade() -> None:
    op.execute("COMMENT ON TABLE documents IS NULL")
    if USE_SOFT_DELETE:
        op.drop_column('documents', 'deleted_at')
    for table in reversed(TABLES):
        op.drop_column(table, 'updated_at')
        op.drop_column(table, 'created_at')
