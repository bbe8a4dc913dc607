package dev.strata.alembic.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.alembic.py.PyStmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reason the translator gives for a placeholder, with its exact report line: the snippet's
 * body starts on line 7, column 5 of {@code versions/abc123_snippet.py} (see {@link Snippet}).
 */
class PlaceholderTest {
  private static final String AT = "versions/abc123_snippet.py:";

  private static List<String> report(String body) throws Exception {
    return Snippet.translate(body, TypeMap.EMPTY).placeholders().stream()
        .map(Placeholder::reportLine).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      conn = op.get_bind()                                  | 7:12 | op.get_bind() reads the database
      op.get_bind().execute('DELETE FROM t')                | 7:5 | op.get_bind() reads the database
      session = sa.orm.Session(bind=None)                   | 7:15 | sa.orm.Session reads the database
      insp = sa.inspect(None)                               | 7:12 | sa.inspect reads the database
      op.add_column('t', sa.Column('g', GUID()))            | 7:39 | application type myapp.types.GUID (map it with --type-map myapp.types.GUID=SQLTYPE)
      op.add_column('t', sa.Column('m', Money()))           | 7:39 | application type Money (map it with --type-map Money=SQLTYPE)
      op.add_column('t', sa.Column('n', sa.Integer, sa.Identity(start=5)))   | 7:5 | op.add_column of an identity column with sequence options (strata refuses it: E0413)
      op.execute("COMMIT")                                  | 7:16 | op.execute("COMMIT") controls Alembic's transaction (strata runs a statement outside it with '-- +no-transaction')
      op.execute("ALTER TYPE t ADD VALUE 'x'; COMMIT")      | 7:16 | op.execute SQL with COMMIT controls Alembic's transaction (strata runs a statement outside it with '-- +no-transaction')
      op.create_index('ix_a_very_long_table_name_for_testing_a_very_long_column_name_here', 't', ['a'])   | 7:21 | name 'ix_a_very_long_table_name_for_testing_a_very_long_column_name_here' is longer than 63 characters (SQLAlchemy refuses it)
      op.execute(SQL)                                       | 7:16 | op.execute with a non-literal argument
      op.execute(t.update().values(a=1))                    | 7:16 | op.execute with a non-literal argument
      op.frobnicate('t')                                    | 7:5 | unknown operation op.frobnicate
      helper(op)                                            | 7:5 | Python logic (call to helper)
      x = 1                                                 | 7:5 | Python logic (assignment to x)
      print                                                 | 7:5 | Python logic (expression print)
      op.execute("UPDATE t SET a = :value")                 | 7:16 | op.execute SQL has the bind parameter :value, whose value is given at run time
      op.add_column('t', sa.Column('s', sa.Enum(Status, name='s')))   | 7:47 | sa.Enum over Status, a Python enum class or expression (its values are Python code)
      op.add_column('t', sa.Column('s', sa.Enum('a', 'b')))  | 7:39 | sa.Enum without name= (PostgreSQL needs a name for the enum type)
      op.create_index('ix', 't', ['a'], postgresql_tablespace='fast')   | 7:61 | argument postgresql_tablespace= of op.create_index is not translated
      op.add_column('t', sa.Column('a', sa.Integer, server_default=0))   | 7:66 | server_default 0 is not a string, sa.text() or sa.func call
      op.create_check_constraint('ck', 't', sa.column('a') > 5)   | 7:43 | condition is an SQL expression built in Python: sa.column('a') > 5
      op.add_column('t', sa.Column('a', sa.PickleType(protocol=4)))   | 7:62 | argument protocol= of sa.PickleType is not translated
      op.add_column('t', sa.Column('a', sa.dialects.mysql.TINYINT()))  | 7:39 | type sqlalchemy.dialects.mysql.TINYINT belongs to another database than PostgreSQL
      op.add_column('t', sa.Column('a', sa.Geometry()))      | 7:39 | SQLAlchemy type Geometry is not translated
      op.execute("\\\\copy t FROM 'f.csv'")                   | 7:16 | op.execute SQL that strata can neither parse nor hold in a '-- +dialect postgresql' block: psql meta-command '\\copy' in a '-- +dialect postgresql' block
      op.create_table(TABLES[0], sa.Column('a', sa.Integer)) | 7:21 | argument table_name of op.create_table is not a string literal: TABLES[0]
      op.drop_column('t', 'a', *more)                        | 7:30 | Python logic (*more in a call of op.drop_column)
      op.add_column('t', sa.Column('s', sa.Enum('a', name='s', inherit_schema=True)))  | 7:39 | sa.Enum with inherit_schema=True is not translated
      op.add_column('t', sa.Column('n', sa.Integer, sa.Sequence('n_seq')))  | 7:51 | sa.Sequence in a column is not translated
      op.create_table('t', sa.Column('a', sa.Integer), postgresql_partition_by='RANGE (a)')  | 7:78 | argument postgresql_partition_by= of op.create_table is not translated
      """)
  void reason(String body, String position, String reason) throws Exception {
    assertEquals(List.of(AT + position + ": needs a hand: " + reason), report(body));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      if True:\\n    op.drop_table('t')                   | Python logic (if statement)
      for name in ['a']:\\n    op.drop_table(name)          | Python logic (for loop)
      while False:\\n    pass                              | Python logic (while loop)
      try:\\n    op.drop_table('t')\\nexcept Exception:\\n    pass | Python logic (try statement)
      def helper():\\n    pass                             | Python logic (nested function)
      return                                              | Python logic (return statement)
      import os                                           | Python logic (import inside the function)
      with open('f') as f:\\n    op.execute(f.read())     | Python logic (with statement)
      x += 1                                              | Python logic (statement)
      """)
  void pythonLogic(String body, String reason) throws Exception {
    assertEquals(List.of(AT + "7:5: needs a hand: " + reason), report(body.replace("\\n", "\n")));
  }

  @Test
  void translationThatStrataDoesNotParse() throws Exception {
    List<String> lines = report("op.create_check_constraint('ck', 't', 'a > 0))')");
    assertEquals(1, lines.size());
    org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).startsWith(AT + "7:5: needs a hand:"
        + " strata's parser refuses the translation of op.create_check_constraint: "), lines.get(0));
  }

  @Test
  void transactionWordsInsideBodiesAndStringsAreNotTransactionControl() throws Exception {
    Translation translation = Snippet.translate("""
        op.execute("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql")
        op.execute("SELECT ';COMMIT' FROM t; CLUSTER t USING t_pkey")
        """, TypeMap.EMPTY);
    assertEquals(List.of(), translation.placeholders());
  }

  @Test
  void batchThatRecreatesTheTable() throws Exception {
    assertEquals(List.of(AT + "7:10: needs a hand: op.batch_alter_table with recreate='always'"
        + " copies the table into a new one (not translated)"), report("""
        with op.batch_alter_table('t', recreate='always') as batch_op:
            batch_op.drop_column('a')
        """));
  }

  @Test
  void batchOperationThatIsNotTranslatedStaysInItsBlockOrder() throws Exception {
    assertEquals(List.of(AT + "9:9: needs a hand: unknown operation batch_op.frobnicate"),
        report("""
            with op.batch_alter_table('t') as batch_op:
                batch_op.drop_column('a')
                batch_op.frobnicate()
            """));
  }

  @Test
  void placeholderLinesQuoteTheStatementAndTheRestIsTranslated() throws Exception {
    Translation translation = Snippet.translate("""
        op.add_column('t', sa.Column('a', sa.Integer()))
        conn = op.get_bind()
        for row in conn.execute(sa.text("SELECT id FROM t")):
            op.execute(
                f"UPDATE t SET a = {row.id}"
            )
        op.drop_column('t', 'b')
        """, TypeMap.EMPTY);
    assertEquals("""
        ALTER TABLE t ADD COLUMN a INTEGER;

        -- +todo versions/abc123_snippet.py:8:12: op.get_bind() reads the database
        --   conn = op.get_bind()

        -- +todo versions/abc123_snippet.py:9:5: Python logic (for loop)
        --   for row in conn.execute(sa.text("SELECT id FROM t")):
        --       op.execute(
        --           f"UPDATE t SET a = {row.id}"
        --       )

        ALTER TABLE t DROP COLUMN b;""", String.join("\n", translation.lines()));
    assertEquals(2, translation.convertedOperations());
    assertEquals(2, translation.placeholders().size());
  }

  @Test
  void relativeImportsKeepTheirDots() throws Exception {
    dev.strata.alembic.py.PyModule module = dev.strata.alembic.py.PythonSource.parse(Snippet.FILE,
        """
        from alembic import op
        import sqlalchemy as sa
        from ..models import Money

        def upgrade():
            op.add_column('t', sa.Column('m', Money()))
        """);
    PyStmt.Def upgrade = (PyStmt.Def) module.body().get(3);
    assertEquals(List.of(AT + "6:39: needs a hand: application type ..models.Money (map it with"
        + " --type-map ..models.Money=SQLTYPE)"), OpTranslator.translate(module, upgrade,
            TypeMap.EMPTY).placeholders().stream().map(Placeholder::reportLine).toList());
    assertEquals(List.of("ALTER TABLE t ADD COLUMN m NUMERIC(12, 2);"), OpTranslator.translate(
        module, upgrade, TypeMap.parse(List.of("..models.Money=NUMERIC(12, 2)"))).lines());
  }

  @Test
  void aTypeMapEntryTranslatesTheApplicationType() throws Exception {
    Translation translation = Snippet.translate(
        "op.add_column('t', sa.Column('g', GUID(), nullable=False))",
        TypeMap.parse(List.of("myapp.types.GUID=UUID")));
    assertEquals(List.of("ALTER TABLE t ADD COLUMN g UUID NOT NULL;"), translation.lines());
    assertEquals(List.of(), translation.placeholders());
  }
}
