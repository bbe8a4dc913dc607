"""payments: enum column added to an existing table, typed alterations

Revision ID: 9d4f3b2a1c08
Revises: 7c0e5d1a2b34
Create Date: 2024-02-01 09:05:44.281733

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '9d4f3b2a1c08'
down_revision = '7c0e5d1a2b34'
branch_labels = None
depends_on = None

payment_method = postgresql.ENUM('card', 'transfer', 'cash', name='payment_method', create_type=False)


def upgrade() -> None:
    op.execute("CREATE TYPE payment_method AS ENUM ('card', 'transfer', 'cash')")
    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.BigInteger(), nullable=False),
    sa.Column('method', payment_method, nullable=False),
    sa.Column('amount', sa.Numeric(12, 2), nullable=False),
    sa.Column('paid_at', postgresql.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('meta', postgresql.JSONB(), nullable=True),
    sa.Column('external_id', sa.String(64), nullable=True, index=True),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('invoice_id', 'external_id', name='uq_payments_invoice_external')
    )
    op.add_column('customers', sa.Column('preferred_method', payment_method, nullable=True))
    op.alter_column('invoices', 'reference',
               existing_type=sa.VARCHAR(length=40),
               type_=sa.Text(),
               existing_nullable=True)
    op.alter_column('customers', 'rating',
               existing_type=postgresql.DOUBLE_PRECISION(precision=53),
               type_=sa.Numeric(precision=3, scale=1),
               existing_nullable=True)


def downgrade() -> None:
    op.alter_column('customers', 'rating',
               existing_type=sa.Numeric(precision=3, scale=1),
               type_=postgresql.DOUBLE_PRECISION(precision=53),
               existing_nullable=True)
    op.alter_column('invoices', 'reference',
               existing_type=sa.Text(),
               type_=sa.VARCHAR(length=40),
               existing_nullable=True)
    op.drop_column('customers', 'preferred_method')
    op.drop_table('payments')
    op.execute('DROP TYPE payment_method')
