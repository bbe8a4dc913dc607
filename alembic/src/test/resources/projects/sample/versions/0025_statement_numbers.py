"""number balance snapshots from a sequence for customer statements

Revision ID: 0025_statement_numbers
Revises: 0024_cash_request_on_hold
Create Date: 2024-08-26 10:37:12.804513

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0025_statement_numbers'
down_revision = '0024_cash_request_on_hold'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('CREATE SEQUENCE statement_number_seq AS BIGINT START WITH 100000 INCREMENT BY 1 CACHE 20')
    op.add_column(
        'account_balance_snapshots',
        sa.Column(
            'statement_no',
            sa.BigInteger(),
            server_default=sa.text("nextval('statement_number_seq')"),
            nullable=False,
            comment='number printed on the customer statement',
        ),
    )
    op.execute('ALTER SEQUENCE statement_number_seq OWNED BY account_balance_snapshots.statement_no')


def downgrade() -> None:
    op.execute('ALTER SEQUENCE statement_number_seq OWNED BY NONE')
    op.drop_column('account_balance_snapshots', 'statement_no')
    op.execute('DROP SEQUENCE statement_number_seq')
