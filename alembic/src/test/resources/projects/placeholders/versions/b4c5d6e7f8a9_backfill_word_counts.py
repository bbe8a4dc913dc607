"""word counts, backfilled through a session; the legacy table dropped when it is there

Revision ID: b4c5d6e7f8a9
Revises: a3b4c5d6e7f8
Create Date: 2024-09-20 18:30:00.000000

"""
from alembic import context
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

from myapp.models import Document


# revision identifiers, used by Alembic.
revision = 'b4c5d6e7f8a9'
down_revision = 'a3b4c5d6e7f8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('documents', sa.Column('word_count', sa.Integer(), nullable=True))
    if context.is_offline_mode():
        # nothing to read without a database: the backfill runs online only
        return
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if 'legacy_documents' in inspector.get_table_names():
        op.drop_table('legacy_documents')
    session = orm.Session(bind=bind)
    for document in session.query(Document).filter(Document.body.isnot(None)):
        document.word_count = len(document.body.split())
    session.flush()
    rows = bind.execute(sa.text('SELECT id FROM folders WHERE name = :name'), {'name': 'Inbox'}).fetchall()
    if not rows:
        bind.execute(sa.text("INSERT INTO folders (name) VALUES ('Inbox')"))


def downgrade() -> None:
    op.drop_column('documents', 'word_count')
