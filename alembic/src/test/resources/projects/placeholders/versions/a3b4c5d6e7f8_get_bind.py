"""document states and trigram search: code that uses the connection

Revision ID: a3b4c5d6e7f8
Revises: f2a3b4c5d6e7
Create Date: 2024-09-02 11:11:11.111111

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'a3b4c5d6e7f8'
down_revision = 'f2a3b4c5d6e7'
branch_labels = None
depends_on = None

document_state = postgresql.ENUM('draft', 'published', name='document_state')


def upgrade() -> None:
    bind = op.get_bind()
    document_state.create(bind)
    op.add_column('documents', sa.Column('state', document_state, server_default='draft', nullable=False))
    if bind.dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        op.create_index('ix_documents_title_trgm', 'documents', ['title'],
                        postgresql_using='gin', postgresql_ops={'title': 'gin_trgm_ops'})
    bind.execute(sa.text("UPDATE documents SET state = 'published' WHERE body IS NOT NULL"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.drop_index('ix_documents_title_trgm', table_name='documents')
    op.drop_column('documents', 'state')
    document_state.drop(bind)
