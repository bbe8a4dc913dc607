"""create cash requests (UAE cash desk deposits and withdrawals)

Revision ID: 0006_create_cash_requests
Revises: 0005_seed_system_accounts
Create Date: 2024-01-15 10:22:39.015876

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_create_cash_requests'
down_revision = '0005_seed_system_accounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cash_requests',
        sa.Column('id', sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column('customer_id', sa.BigInteger(), sa.ForeignKey('customers.id', ondelete='RESTRICT'), nullable=False),
        sa.Column('account_id', sa.BigInteger(), sa.ForeignKey('accounts.id', ondelete='RESTRICT'), nullable=False),
        sa.Column('request_type', sa.String(16), nullable=False),
        sa.Column('amount', sa.Numeric(18, 2), nullable=False),
        sa.Column('currency', sa.CHAR(3), nullable=False, server_default='AED'),
        sa.Column('status', sa.String(16), nullable=False, server_default='REQUESTED'),
        sa.Column('branch_code', sa.String(16)),
        sa.Column('transaction_id', sa.BigInteger(), sa.ForeignKey('transactions.id', ondelete='SET NULL')),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column('processed_at', sa.DateTime(timezone=True)),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("request_type IN ('DEPOSIT', 'WITHDRAWAL')", name='ck_cash_requests_request_type'),
        sa.CheckConstraint(
            "status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'CANCELLED')",
            name='ck_cash_requests_status',
        ),
        sa.CheckConstraint('amount > 0', name='ck_cash_requests_amount_positive'),
    )
    op.create_index('ix_cash_requests_customer_id_status', 'cash_requests', ['customer_id', 'status'])

    # updated_at is kept by a PL/pgSQL trigger.
    op.execute("""
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$
""")
    op.execute("""
CREATE TRIGGER trg_cash_requests_updated_at
    BEFORE UPDATE ON cash_requests
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()
""")


def downgrade() -> None:
    op.execute('DROP TRIGGER trg_cash_requests_updated_at ON cash_requests')
    op.execute('DROP FUNCTION set_updated_at()')
    op.drop_index('ix_cash_requests_customer_id_status', table_name='cash_requests')
    op.drop_table('cash_requests')
