"""create journal lines with a deferred balance check

Revision ID: 0004_create_journal_lines
Revises: 0003_create_transactions
Create Date: 2024-01-10 11:27:51.330482

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004_create_journal_lines'
down_revision = '0003_create_transactions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'journal_lines',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column('transaction_id', sa.BigInteger(), nullable=False),
        sa.Column('account_id', sa.BigInteger(), nullable=False),
        sa.Column('direction', sa.CHAR(length=1), nullable=False),
        sa.Column('amount', sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column('currency', sa.CHAR(length=3), nullable=False),
        sa.Column('memo', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint("direction IN ('D', 'C')", name='ck_journal_lines_direction'),
        sa.CheckConstraint('amount > 0', name='ck_journal_lines_amount_positive'),
        sa.ForeignKeyConstraint(['transaction_id'], ['transactions.id'], name='fk_journal_lines_transaction_id', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name='fk_journal_lines_account_id', ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_journal_lines_transaction_id'), 'journal_lines', ['transaction_id'], unique=False)

    # Debits must equal credits per transaction and currency, checked at commit so
    # that the lines of one transaction can be inserted one by one.
    op.execute("""
CREATE FUNCTION check_journal_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    txn_id BIGINT;
    bad_currency CHAR(3);
    imbalance NUMERIC(20,4);
BEGIN
    IF TG_OP = 'DELETE' THEN
        txn_id := OLD.transaction_id;
    ELSE
        txn_id := NEW.transaction_id;
    END IF;
    SELECT currency, SUM(CASE WHEN direction = 'D' THEN amount ELSE -amount END)
      INTO bad_currency, imbalance
      FROM journal_lines
     WHERE transaction_id = txn_id
     GROUP BY currency
    HAVING SUM(CASE WHEN direction = 'D' THEN amount ELSE -amount END) <> 0
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'transaction % is unbalanced in %: debits - credits = %',
            txn_id, bad_currency, imbalance
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$
""")
    op.execute("""
CREATE CONSTRAINT TRIGGER trg_journal_lines_balanced
    AFTER INSERT OR UPDATE OR DELETE ON journal_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_journal_balance()
""")


def downgrade() -> None:
    op.execute('DROP TRIGGER trg_journal_lines_balanced ON journal_lines')
    op.execute('DROP FUNCTION check_journal_balance()')
    op.drop_index(op.f('ix_journal_lines_transaction_id'), table_name='journal_lines')
    op.drop_table('journal_lines')
