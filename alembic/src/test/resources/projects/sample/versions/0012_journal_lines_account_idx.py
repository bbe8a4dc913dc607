"""index journal lines by account and time, without locking writes

Revision ID: 0012_journal_lines_account_idx
Revises: 0011_customer_india_fields
Create Date: 2024-03-11 19:02:46.118590

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_journal_lines_account_idx'
down_revision = '0011_customer_india_fields'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    with op.get_context().autocommit_block():
        op.create_index(
            'ix_journal_lines_account_id_created_at',
            'journal_lines',
            ['account_id', sa.text('created_at DESC')],
            unique=False,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            'ix_journal_lines_account_id_created_at',
            table_name='journal_lines',
            postgresql_concurrently=True,
        )
