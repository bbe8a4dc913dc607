"""audit row changes of LRS remittances and dividend events

Revision ID: 0021_create_audit_schema
Revises: 0020_merge_lrs_dividends
Create Date: 2024-06-17 15:33:26.018443

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '0021_create_audit_schema'
down_revision = '0020_merge_lrs_dividends'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('CREATE SCHEMA audit')
    op.create_table(
        'row_changes',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column('table_name', sa.String(length=63), nullable=False),
        sa.Column('row_id', sa.BigInteger(), nullable=False),
        sa.Column('operation', sa.String(length=8), nullable=False),
        sa.Column('old_row', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('new_row', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('changed_by', sa.String(length=63), server_default=sa.text('CURRENT_USER'), nullable=False),
        sa.Column('changed_at', postgresql.TIMESTAMP(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.CheckConstraint("operation IN ('INSERT', 'UPDATE', 'DELETE')", name='ck_row_changes_operation'),
        sa.PrimaryKeyConstraint('id'),
        schema='audit',
    )
    op.create_index('ix_row_changes_table_row', 'row_changes', ['table_name', 'row_id'], unique=False, schema='audit')

    op.execute("""
CREATE FUNCTION audit.record_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO audit.row_changes (table_name, row_id, operation, old_row)
        VALUES (TG_TABLE_NAME, OLD.id, TG_OP, to_jsonb(OLD));
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit.row_changes (table_name, row_id, operation, old_row, new_row)
        VALUES (TG_TABLE_NAME, NEW.id, TG_OP, to_jsonb(OLD), to_jsonb(NEW));
    ELSE
        INSERT INTO audit.row_changes (table_name, row_id, operation, new_row)
        VALUES (TG_TABLE_NAME, NEW.id, TG_OP, to_jsonb(NEW));
    END IF;
    RETURN NULL;
END;
$$
""")
    op.execute("""
CREATE TRIGGER trg_lrs_remittances_audit
    AFTER INSERT OR UPDATE OR DELETE ON lrs_remittances
    FOR EACH ROW EXECUTE FUNCTION audit.record_row_change()
""")
    op.execute("""
CREATE TRIGGER trg_dividend_events_audit
    AFTER INSERT OR UPDATE OR DELETE ON dividend_events
    FOR EACH ROW EXECUTE FUNCTION audit.record_row_change()
""")


def downgrade() -> None:
    op.execute('DROP TRIGGER trg_dividend_events_audit ON dividend_events')
    op.execute('DROP TRIGGER trg_lrs_remittances_audit ON lrs_remittances')
    op.execute('DROP FUNCTION audit.record_row_change()')
    op.drop_index('ix_row_changes_table_row', table_name='row_changes', schema='audit')
    op.drop_table('row_changes', schema='audit')
    op.execute('DROP SCHEMA audit')
