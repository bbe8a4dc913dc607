"""create customers

Revision ID: 0001_create_customers
Revises: 
Create Date: 2024-01-08 09:12:44.512310

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0001_create_customers'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'customers',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('external_id', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('full_name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=320), nullable=True),
        sa.Column('country_code', sa.CHAR(length=2), nullable=False),
        sa.Column('kyc_status', sa.String(length=20), server_default='PENDING', nullable=False),
        sa.Column('metadata', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint("kyc_status IN ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED')", name='ck_customers_kyc_status'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('external_id', name='uq_customers_external_id'),
    )
    # Login and support look-ups are case-insensitive.
    op.create_index('ix_customers_email_lower', 'customers', [sa.text('lower(email)')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_customers_email_lower', table_name='customers')
    op.drop_table('customers')
