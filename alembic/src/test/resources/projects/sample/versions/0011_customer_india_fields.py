"""add ViewTrade account refs, PAN and partner id to customers

Revision ID: 0011_customer_india_fields
Revises: 0010_widen_transaction_source
Create Date: 2024-03-04 09:58:14.527019

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0011_customer_india_fields'
down_revision = '0010_widen_transaction_source'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'customers',
        sa.Column(
            'viewtrade_account_refs',
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
    )
    op.add_column('customers', sa.Column('pan', sa.String(length=10), nullable=True))
    op.add_column('customers', sa.Column('partner_id', sa.String(length=64), nullable=True))
    op.create_check_constraint(
        'ck_customers_pan_format',
        'customers',
        "pan IS NULL OR pan SIMILAR TO '[A-Z]{5}[0-9]{4}[A-Z]'",
    )
    # One PAN per customer; UAE customers have none.
    op.create_index(
        'uq_customers_pan', 'customers', ['pan'], unique=True,
        postgresql_where=sa.text('pan IS NOT NULL'),
    )
    op.create_index(
        'ix_customers_partner_id', 'customers', ['partner_id'], unique=False,
        postgresql_where=sa.text('partner_id IS NOT NULL'),
    )


def downgrade() -> None:
    op.drop_index('ix_customers_partner_id', table_name='customers')
    op.drop_index('uq_customers_pan', table_name='customers')
    op.drop_constraint('ck_customers_pan_format', 'customers', type_='check')
    op.drop_column('customers', 'partner_id')
    op.drop_column('customers', 'pan')
    op.drop_column('customers', 'viewtrade_account_refs')
