"""record actual TCS and the RBI purpose code of LRS remittances

Revision ID: 0017_lrs_actual_tcs
Revises: 0016_lrs_credited_signal
Create Date: 2024-06-03 09:05:37.981642

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_lrs_actual_tcs'
down_revision = '0016_lrs_credited_signal'
branch_labels = None
depends_on = None


def upgrade() -> None:
    purpose_codes = op.create_table(
        'lrs_purpose_codes',
        sa.Column('code', sa.String(length=5), primary_key=True),
        sa.Column('description', sa.String(length=200), nullable=False),
        sa.Column('is_active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    )
    op.bulk_insert(
        purpose_codes,
        [
            {'code': 'S0001', 'description': 'Portfolio investment abroad: equity shares'},
            {'code': 'S0002', 'description': 'Portfolio investment abroad: debt securities'},
            {'code': 'S0305', 'description': 'Travel for education, including fees and hostel expenses'},
            {'code': 'S1302', 'description': 'Personal gifts and donations'},
        ],
    )

    op.add_column('lrs_remittances', sa.Column('tcs_amount_inr', sa.Numeric(precision=20, scale=4), nullable=True))
    op.add_column('lrs_remittances', sa.Column('purpose_code', sa.String(length=5), nullable=True))
    # Every remittance so far funded a US brokerage account.
    op.execute("UPDATE lrs_remittances SET purpose_code = 'S0001' WHERE purpose_code IS NULL")
    op.alter_column('lrs_remittances', 'purpose_code', existing_type=sa.String(length=5), nullable=False)
    op.create_foreign_key(
        'fk_lrs_remittances_purpose_code',
        'lrs_remittances',
        'lrs_purpose_codes',
        ['purpose_code'],
        ['code'],
        ondelete='RESTRICT',
    )
    op.create_check_constraint(
        'ck_lrs_remittances_tcs_non_negative',
        'lrs_remittances',
        'tcs_amount_inr IS NULL OR tcs_amount_inr >= 0',
    )


def downgrade() -> None:
    op.drop_constraint('ck_lrs_remittances_tcs_non_negative', 'lrs_remittances', type_='check')
    op.drop_constraint('fk_lrs_remittances_purpose_code', 'lrs_remittances', type_='foreignkey')
    op.drop_column('lrs_remittances', 'purpose_code')
    op.drop_column('lrs_remittances', 'tcs_amount_inr')
    op.drop_table('lrs_purpose_codes')
