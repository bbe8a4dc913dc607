"""concurrent indexes and a new enum value, outside the transaction

Revision ID: c1d8f5e3b740
Revises: b7e2d4c6a819
Create Date: 2024-01-09 12:01:55.093348

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1d8f5e3b740'
down_revision = 'b7e2d4c6a819'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TYPE event_level AS ENUM ('info', 'warning')")
    op.add_column('events', sa.Column('level', sa.Enum('info', 'warning', name='event_level', create_type=False), server_default='info', nullable=False))
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE event_level ADD VALUE 'error'")
        op.create_index('ix_events_live_subject', 'events', ['subject'], unique=False,
                        postgresql_where=sa.text('deleted_at IS NULL'),
                        postgresql_concurrently=True)
    op.bulk_insert(
        sa.table('event_kinds',
                 sa.column('id', sa.Integer),
                 sa.column('code', sa.String),
                 sa.column('label', sa.String),
                 sa.column('enabled', sa.Boolean)),
        [{'id': 4, 'code': 'alert', 'label': 'Alert raised', 'enabled': True}],
        multiinsert=False,
    )


def downgrade() -> None:
    op.execute("DELETE FROM event_kinds WHERE code = 'alert'")
    with op.get_context().autocommit_block():
        op.drop_index('ix_events_live_subject', table_name='events', postgresql_concurrently=True)
    op.drop_column('events', 'level')
    op.execute('DROP TYPE event_level')
