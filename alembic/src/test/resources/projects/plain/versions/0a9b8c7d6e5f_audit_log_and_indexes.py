"""audit log, priority as integer, partial and gin indexes

Revision ID: 0a9b8c7d6e5f
Revises: e1d2c3b4a596
Create Date: 2024-06-17 14:52:30.907114

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0a9b8c7d6e5f'
down_revision = 'e1d2c3b4a596'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('detail', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False)
    )
    op.create_primary_key('pk_audit_log', 'audit_log', ['id'])
    # the old default cannot be cast: drop it, change the type, set the new one
    op.alter_column('posts', 'priority', server_default=None,
               existing_type=sa.VARCHAR(length=10),
               existing_server_default=sa.text("'1'::character varying"))
    op.alter_column('posts', 'priority',
               existing_type=sa.VARCHAR(length=10),
               type_=sa.Integer(),
               existing_nullable=False,
               postgresql_using='priority::integer')
    op.alter_column('posts', 'priority', server_default=sa.text('1'),
               existing_type=sa.Integer())
    op.create_index('ix_posts_published', 'posts', ['published_at'], unique=False,
                    postgresql_where=sa.text('published_at IS NOT NULL'))
    op.create_index('ix_audit_log_detail', 'audit_log', ['detail'], unique=False,
                    postgresql_using='gin')
    op.create_index('ix_users_email_pattern', 'users', ['email'], unique=False,
                    postgresql_ops={'email': 'varchar_pattern_ops'})
    op.create_index('ix_labels_name_unique', 'labels', [sa.text('lower(name)')], unique=True)


def downgrade() -> None:
    op.drop_index('ix_labels_name_unique', table_name='labels')
    op.drop_index('ix_users_email_pattern', table_name='users')
    op.drop_index('ix_audit_log_detail', table_name='audit_log')
    op.drop_index('ix_posts_published', table_name='posts')
    op.alter_column('posts', 'priority', server_default=None, existing_type=sa.Integer())
    op.alter_column('posts', 'priority',
               existing_type=sa.Integer(),
               type_=sa.VARCHAR(length=10),
               existing_nullable=False,
               postgresql_using='priority::varchar')
    op.alter_column('posts', 'priority', server_default='1',
               existing_type=sa.VARCHAR(length=10))
    op.drop_constraint('pk_audit_log', 'audit_log', type_='primary')
    op.drop_table('audit_log')
