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

  @Test
  void indexesAndConstraints() throws Exception {
    Parity.prove(dir, """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        CREATE SCHEMA ref;
        CREATE TABLE ref.owners (id INTEGER PRIMARY KEY, code TEXT UNIQUE);
        CREATE TABLE items (id INTEGER NOT NULL, owner_id INTEGER, code TEXT, qty INTEGER,
            doc JSONB, room INTEGER, during TSRANGE)
        """, """
        op.create_primary_key('pk_items', 'items', ['id'])
        op.create_index(op.f('ix_items_owner_id'), 'items', ['owner_id'], unique=False)
        op.create_index('ix_items_code_qty', 'items', ['code', 'qty'], unique=True,
                        postgresql_where=sa.text('qty > 0'))
        op.create_index('ix_items_doc', 'items', ['doc'], postgresql_using='gin',
                        postgresql_ops={'doc': 'jsonb_path_ops'})
        op.create_index('ix_items_lower_code', 'items', [sa.text('lower(code)')])
        op.create_index(None, 'items', ['qty'])
        op.create_foreign_key('fk_items_owner', 'items', 'owners', ['owner_id'], ['id'],
                              referent_schema='ref', ondelete='CASCADE', onupdate='CASCADE')
        op.create_foreign_key(None, 'items', 'owners', ['code'], ['code'], referent_schema='ref')
        op.create_unique_constraint('uq_items_code', 'items', ['code'])
        op.create_unique_constraint(None, 'items', ['owner_id', 'qty'])
        op.create_check_constraint('ck_items_qty', 'items', 'qty >= 0')
        op.create_check_constraint(None, 'items', sa.text("code <> ''"))
        op.create_check_constraint('ck_items_room', 'items', 'room > 0', postgresql_not_valid=True)
        op.create_exclude_constraint('ex_items_room', 'items', ('room', '='),
                                     ('during', '&&'), using='gist')
        """, """
        op.drop_constraint('ex_items_room', 'items')
        op.drop_constraint('ck_items_room', 'items')
        op.drop_constraint('items_code_check', 'items', type_='check')
        op.drop_constraint('ck_items_qty', 'items', type_='check')
        op.drop_constraint('items_owner_id_qty_key', 'items', type_='unique')
        op.drop_constraint('uq_items_code', 'items', type_='unique')
        op.drop_constraint('items_code_fkey', 'items', type_='foreignkey')
        op.drop_constraint('fk_items_owner', 'items', type_='foreignkey')
        op.drop_index('ix_items_qty', table_name='items')
        op.drop_index('ix_items_lower_code', table_name='items')
        op.drop_index('ix_items_doc', table_name='items')
        op.drop_index('ix_items_code_qty', table_name='items')
        op.drop_index(op.f('ix_items_owner_id'), table_name='items')
        op.drop_constraint('pk_items', 'items', type_='primary')
        """);
  }

  @Test
  void executeAndBulkInsert() throws Exception {
    Parity.prove(dir, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, n INTEGER,"
        + " on_ BOOLEAN, ratio NUMERIC(4, 2))", """
        op.execute("UPDATE settings SET value = 'x' WHERE value IS NULL")
        op.execute(sa.text(\"\"\"
            CREATE FUNCTION touch() RETURNS trigger AS $$
            BEGIN
              NEW.n := coalesce(NEW.n, 0) + 1;
              RETURN NEW;
            END $$ LANGUAGE plpgsql
        \"\"\"))
        op.execute("CREATE TRIGGER settings_touch BEFORE UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION touch()")
        op.execute("CLUSTER settings USING settings_pkey;")
        op.execute("CREATE VIEW big_settings AS SELECT key FROM settings WHERE n > 10; CREATE INDEX ix_settings_n ON settings (n)")
        settings = sa.table('settings', sa.column('key', sa.String), sa.column('value', sa.Text),
                            sa.column('n', sa.Integer), sa.column('on_', sa.Boolean),
                            sa.column('ratio', sa.Numeric))
        op.bulk_insert(settings, [
            {'key': 'a', 'value': "it's", 'n': 1, 'on_': True, 'ratio': 1.25},
            {'key': 'b', 'value': None, 'on_': False},
        ])
        """, """
        op.execute("DELETE FROM settings WHERE key IN ('a', 'b')")
        op.execute("DROP INDEX ix_settings_n")
        op.execute("DROP VIEW big_settings")
        op.execute("DROP TRIGGER settings_touch ON settings")
        op.execute("DROP FUNCTION touch()")
        """);
  }

  @Test
  void batchAndAutocommitBlocks() throws Exception {
    Parity.prove(dir, """
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT, old TEXT, at TIMESTAMP)
        """, """
        with op.batch_alter_table('events', schema=None) as batch_op:
            batch_op.add_column(sa.Column('source', sa.String(length=40), nullable=True))
            batch_op.alter_column('kind', existing_type=sa.TEXT(), nullable=False,
                                  server_default='click')
            batch_op.drop_column('old')
            batch_op.create_index(batch_op.f('ix_events_source'), ['source'], unique=False)
            batch_op.create_unique_constraint('uq_events_kind_at', ['kind', 'at'])
            batch_op.create_check_constraint('ck_events_kind', "kind <> ''")
        with op.get_context().autocommit_block():
            op.execute("ALTER TYPE mood ADD VALUE 'happy'")
            op.create_index('ix_events_at', 'events', ['at'], postgresql_concurrently=True)
        """, """
        with op.get_context().autocommit_block():
            op.drop_index('ix_events_at', table_name='events', postgresql_concurrently=True)
        with op.batch_alter_table('events', schema=None) as batch_op:
            batch_op.drop_constraint('ck_events_kind', type_='check')
            batch_op.drop_constraint('uq_events_kind_at', type_='unique')
            batch_op.drop_index(batch_op.f('ix_events_source'))
            batch_op.add_column(sa.Column('old', sa.TEXT(), nullable=True))
            batch_op.alter_column('kind', existing_type=sa.TEXT(), nullable=True,
                                  server_default=None)
            batch_op.drop_column('source')
        """);
  }

  @Test
  void enumsSchemasAndTypes() throws Exception {
    Parity.prove(dir, "CREATE SCHEMA app", """
        op.create_table('all_types',
            sa.Column('id', sa.BigInteger(), primary_key=True),
            sa.Column('a', sa.SmallInteger()), sa.Column('b', sa.Float()),
            sa.Column('c', sa.Float(precision=10)), sa.Column('d', sa.Date()),
            sa.Column('e', sa.Time()), sa.Column('f', sa.Time(timezone=True)),
            sa.Column('g', sa.LargeBinary()), sa.Column('h', sa.Interval()),
            sa.Column('i', postgresql.INET()), sa.Column('j', postgresql.TIMESTAMP(precision=3)),
            sa.Column('k', sa.JSON()), sa.Column('l', sa.ARRAY(sa.String(20))),
            sa.Column('m', sa.Text(collation='C')), sa.Column('n', sa.CHAR(2)),
            sa.Column('o', sa.Unicode(30)), sa.Column('p', sa.Numeric()),
            sa.Column('q', postgresql.DOUBLE_PRECISION()), sa.Column('r', postgresql.BYTEA()),
            sa.Column('s', sa.Enum('x', 'y', name='xy', schema='app')),
            sa.Column('t', postgresql.ENUM('x', 'y', name='xy', schema='app', create_type=False)),
            sa.Column('u', sa.Enum('one', 'three', native_enum=False)),
            sa.Column('v', postgresql.TSVECTOR()), sa.Column('w', postgresql.MACADDR()),
            sa.Column('x', sa.ARRAY(sa.Enum('p', 'q', name='pq'))),
            schema='app',
        )
        op.create_table('pairs',
            sa.Column('left_id', sa.Integer(), nullable=False),
            sa.Column('right_id', sa.Integer(), nullable=False, autoincrement=True),
            sa.Column('weight', sa.Integer(), sa.Identity(start=10, increment=5)),
            sa.PrimaryKeyConstraint('left_id', 'right_id', name='pk_pairs'),
            sa.ForeignKeyConstraint(['left_id'], ['app.all_types.id'], name='fk_pairs_left',
                                    ondelete='CASCADE', deferrable=True, initially='DEFERRED'),
        )
        op.create_table('auto_pk',
            sa.Column('a', sa.Integer(), primary_key=True),
            sa.Column('b', sa.Integer(), primary_key=True, autoincrement=True),
        )
        """, """
        op.drop_table('auto_pk')
        op.drop_table('pairs')
        op.drop_table('all_types', schema='app')
        op.execute('DROP TYPE app.xy')
        op.execute('DROP TYPE pq')
        """);
  }

  @Test
  void tableIndexesCommentsAndQuotedNames() throws Exception {
    Parity.prove(dir, "CREATE SCHEMA crm", """
        op.create_table('Contacts',
            sa.Column('contactId', sa.Integer(), primary_key=True),
            sa.Column('user', sa.String(80), index=True, comment="who's who"),
            sa.Column('select', sa.Text()),
            sa.Column('email', sa.String(200), nullable=False),
            sa.Column('tags', postgresql.ARRAY(sa.Text()), server_default='{}'),
            sa.Index('ix_contacts_email_lower', sa.text('lower(email)'), unique=True),
            sa.Index(None, 'email', 'user', postgresql_include=['select'],
                     postgresql_with={'fillfactor': 70}),
            schema='crm',
            comment='people',
        )
        op.create_index('ix_contacts_tags', 'Contacts', ['tags'], schema='crm',
                        postgresql_using='gin')
        op.add_column('Contacts', sa.Column('Score', sa.Integer, nullable=False,
                      server_default='0'), schema='crm')
        op.alter_column('Contacts', 'Score', new_column_name='score', schema='crm')
        op.create_table_comment('Contacts', 'people we know', existing_comment='people',
                                schema='crm')
        op.create_foreign_key('fk_self', 'Contacts', 'Contacts', ['score'], ['contactId'],
                              source_schema='crm', referent_schema='crm', match='FULL')
        """, """
        op.drop_table_comment('Contacts', existing_comment='people we know', schema='crm')
        op.drop_table('Contacts', schema='crm')
        """);
  }

  @Test
  void namesThatAreKeywordsOfStrataOrPostgresql() throws Exception {
    Parity.prove(dir, "", """
        op.create_table('entries',
            sa.Column('key', sa.String(20), primary_key=True),
            sa.Column('value', sa.Text()), sa.Column('type', sa.String(10), index=True),
            sa.Column('date', sa.Date()), sa.Column('time', sa.Time()),
            sa.Column('text', sa.Text()), sa.Column('comment', sa.Text(), comment='c'),
            sa.Column('user', sa.Integer), sa.Column('data', postgresql.JSONB()),
            sa.Column('level', sa.Enum('low', 'high', name='level')),
        )
        op.create_index('ix_entries_date_time', 'entries', ['date', 'time'])
        op.alter_column('entries', 'text', new_column_name='body', nullable=False,
                        server_default='')
        """, """
        op.drop_table('entries')
        op.execute('DROP TYPE level')
        """);
  }

  @Test
  void localNamesAndLongConventionNames() throws Exception {
    Parity.prove(dir, "CREATE TYPE ticket_status AS ENUM ('open', 'closed')", """
        status = postgresql.ENUM('open', 'closed', name='ticket_status', create_type=False)
        tickets = op.create_table('a_very_long_table_name_for_testing',
            sa.Column('id', sa.Integer(), primary_key=True),
            sa.Column('status', status, nullable=False),
            sa.Column('a_very_long_column_name_here', sa.Text(), index=True),
        )
        op.bulk_insert(tickets, [{'id': 1, 'status': 'open', 'a_very_long_column_name_here': 'x'}])
        op.create_unique_constraint(
            op.f('uq_a_very_long_table_name_for_testing_a_very_long_column_name_here'),
            'a_very_long_table_name_for_testing', ['a_very_long_column_name_here', 'status'])
        """, """
        op.drop_constraint(
            op.f('uq_a_very_long_table_name_for_testing_a_very_long_column_name_here'),
            'a_very_long_table_name_for_testing', type_='unique')
        op.drop_table('a_very_long_table_name_for_testing')
        """);
  }
}
