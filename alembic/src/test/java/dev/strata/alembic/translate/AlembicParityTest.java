package dev.strata.alembic.translate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each case: Alembic's own offline SQL and strata's compiled translation, applied to two
 * PostgreSQL databases, give the same schema and version rows after upgrade and after downgrade
 * (see {@link Parity}).
 */
class AlembicParityTest {
  @TempDir Path dir;

  @Test
  void createTableWithEveryColumnFeature() throws Exception {
    Parity.prove(dir, "CREATE TABLE other (id INTEGER PRIMARY KEY)", """
        op.create_table('things',
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('name', sa.String(50), nullable=True, unique=True, index=True,
                      server_default='x', comment="its name"),
            sa.Column('other_id', sa.Integer, sa.ForeignKey('other.id', ondelete='CASCADE')),
            sa.Column('status', sa.Enum('new', 'paid', name='thing_status')),
            sa.Column('created', sa.DateTime(timezone=True), server_default=sa.func.now()),
            sa.Column('amount', sa.Numeric(10, 2), server_default=sa.text("0")),
            sa.Column('flag', sa.Boolean(), server_default=sa.false(), nullable=False),
            sa.Column('data', postgresql.JSONB(astext_type=sa.Text())),
            sa.Column('numbers', postgresql.ARRAY(sa.Integer())),
            sa.Column('uid', postgresql.UUID(as_uuid=True)),
            sa.Column('code', sa.String(3), sa.CheckConstraint("length(code) = 3")),
            sa.Column('order', sa.Integer, index=True),
            sa.Column('CamelCase', sa.Text()),
            sa.PrimaryKeyConstraint('id'),
            sa.CheckConstraint('amount >= 0'),
            sa.UniqueConstraint('other_id', 'amount', name='uq_things_other_amount'),
            comment='things we sell',
        )
        """, """
        op.drop_index('ix_things_order', table_name='things')
        op.drop_index('ix_things_name', table_name='things')
        op.drop_table('things')
        """);
  }

  @Test
  void columnsAddedAlteredAndDropped() throws Exception {
    Parity.prove(dir, """
        CREATE TABLE other (id INTEGER PRIMARY KEY);
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, legacy TEXT, score INTEGER, note TEXT)
        """, """
        op.add_column('accounts', sa.Column('email', sa.String(255), nullable=False,
                      server_default=''))
        op.add_column('accounts', sa.Column('other_id', sa.BigInteger(),
                      sa.ForeignKey('other.id', ondelete='SET NULL'), unique=True))
        op.add_column('accounts', sa.Column('seen', sa.DateTime(), index=True,
                      comment='last seen'))
        op.add_column('accounts', sa.Column('big', sa.Integer, sa.Identity(always=True)))
        op.add_column('accounts', sa.Column('twice', sa.Integer, sa.Computed('id * 2')))
        op.alter_column('accounts', 'score', existing_type=sa.INTEGER(), nullable=False,
                        server_default=sa.text('0'), type_=sa.BigInteger(),
                        postgresql_using='score::bigint', comment='points')
        op.alter_column('accounts', 'note', new_column_name='remark', server_default='n/a')
        op.drop_column('accounts', 'legacy')
        op.rename_table('accounts', 'members')
        """, """
        op.rename_table('members', 'accounts')
        op.add_column('accounts', sa.Column('legacy', sa.TEXT(), autoincrement=False, nullable=True))
        op.alter_column('accounts', 'remark', new_column_name='note', server_default=None)
        op.alter_column('accounts', 'score', type_=sa.Integer(), nullable=True,
                        server_default=None, comment=None)
        op.drop_column('accounts', 'twice')
        op.drop_column('accounts', 'big')
        op.drop_index(op.f('ix_accounts_seen'), table_name='accounts')
        op.drop_column('accounts', 'seen')
        op.drop_column('accounts', 'other_id')
        op.drop_column('accounts', 'email')
        """);
  }
}
