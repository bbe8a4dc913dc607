"""track when dividend events change, with a trigger function written without a block

Revision ID: 0027_dividend_events_updated_at
Revises: 0026_account_balances_view
Create Date: 2024-10-07 09:44:51.120968

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0027_dividend_events_updated_at'
down_revision = '0026_account_balances_view'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'dividend_events',
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    )
    op.execute("""
CREATE OR REPLACE FUNCTION touch_dividend_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$
""")
    op.execute("""
CREATE TRIGGER trg_dividend_events_updated_at
    BEFORE UPDATE ON dividend_events
    FOR EACH ROW EXECUTE FUNCTION touch_dividend_event()
""")


def downgrade() -> None:
    op.execute('DROP TRIGGER trg_dividend_events_updated_at ON dividend_events')
    op.execute('DROP FUNCTION touch_dividend_event()')
    op.drop_column('dividend_events', 'updated_at')
