package dev.strata.dialects;

import static dev.strata.dialects.Ast.*;
import static dev.strata.grammar.ast.DataType.Kind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Plan;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.TableConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final Renderer PG = Renderer.forDialect(Dialect.POSTGRESQL);
  private static final SourceFile SOURCE =
      new SourceFile(
          "versions/0002_b.sql",
          "-- revision: 0002_b\n-- +upgrade\nINSERT INTO t (a, b) VALUES (1, 2), (3);\n");

  private static List<String> render(Operation operation) throws DiagnosticException {
    return PG.renderStatement(stmt(operation), SOURCE);
  }

  @Test
  void expressionsAreEmittedVerbatimWithoutTemplateInterpretation() throws Exception {
    String value = "data || '{\"k\": \"{0}\"}'::jsonb || ?::jsonb";
    Operation update =
        new Operation.Update(
            table("t"),
            List.of(Operation.Assignment.of(id("data"), expr(value))),
            Optional.of(expr("data ? 'k' AND x = :name AND y = $1 AND z = '{}'")));
    assertEquals(
        List.of("UPDATE t SET data = " + value + " WHERE data ? 'k' AND x = :name AND y = $1 AND z = '{}'"),
        render(update));
  }

  @Test
  void namedTypesKeepTheirQuotesSchemaAndModifiers() throws Exception {
    DataType vector = DataType.named(table("vector"), List.of(expr("1536")));
    DataType geometry =
        DataType.named(
            new QualifiedName(Optional.of(quoted("Geo Schema")), quoted("Geo")),
            List.of(expr("Point"), expr("4326")));
    DataType mood = DataType.named(new QualifiedName(Optional.of(id("app")), quoted("Mood")), List.of());
    Operation create =
        createTable(
            "t",
            column("v", vector, notNull()),
            column("g", geometry.withArrayDimensions(1)),
            column("m", mood.withArrayDimensions(2), defaultTo("'{}'")),
            column("n", type(NUMERIC, 10, 2).withArrayDimensions(1)));
    assertEquals(
        List.of(
            """
            CREATE TABLE t (
                v vector(1536) NOT NULL,
                g "Geo Schema"."Geo"(Point, 4326)[],
                m app."Mood"[][] DEFAULT '{}',
                n numeric(10, 2)[]
            )"""),
        render(create));
    assertEquals(
        List.of("ALTER TABLE t ALTER COLUMN v TYPE vector(768) USING v::vector(768)"),
        render(
            alter(
                "t",
                new AlterAction.AlterColumnType(
                    id("v"),
                    DataType.named(table("vector"), List.of(expr("768"))),
                    Optional.empty(),
                    Optional.of(expr("v::vector(768)"))))));
  }

  @Test
  void generatedColumnsSpellTheClauseAfterTheTypeAndItsCollation() throws Exception {
    Operation add =
        alter(
            "t",
            new AlterAction.AddColumn(
                new ColumnDef(
                    id("k"),
                    type(TEXT),
                    Optional.of(new QualifiedName(Optional.empty(), quoted("C"))),
                    List.of(
                        new ColumnConstraint.Generated(expr("lower(\n  a)")), notNull())),
                true));
    assertEquals(
        List.of(
            "ALTER TABLE t ADD IF NOT EXISTS k text COLLATE \"C\" GENERATED ALWAYS AS (lower(\n  a)) STORED NOT NULL"),
        render(add));
  }

  @Test
  void checksAndDefaultsKeepTheirTextAndGetNoExtraParentheses() throws Exception {
    Operation create =
        new Operation.CreateTable(
            table("t"),
            false,
            List.of(column("j", type(JSONB), defaultTo("'{}'::jsonb"))),
            List.of(new TableConstraint.Check(Optional.empty(), expr("j ? 'a'"))));
    assertEquals(
        List.of("CREATE TABLE t (\n    j jsonb DEFAULT '{}'::jsonb,\n    CHECK (j ? 'a')\n)"),
        render(create));
  }

  @Test
  void aMultiLineExpressionKeepsItsLinesBecauseTheTableIsRenderedOnOneLine() throws Exception {
    Operation create = createTable("t", column("s", type(TEXT), defaultTo("'a\r\n  b'")));
    assertEquals(List.of("CREATE TABLE t (s text DEFAULT 'a\n  b')"), render(create));
  }

  @Test
  void quotedIdentifiersAreQuotedAndBareOnesAreNot() throws Exception {
    Operation alter =
        new Operation.AlterTable(
            table("Sales", "orders"),
            false,
            List.of(new AlterAction.RenameColumn(quoted("Total \"Gross\""), id("total"))));
    assertEquals(
        List.of("ALTER TABLE Sales.orders RENAME COLUMN \"Total \"\"Gross\"\"\" TO total"),
        render(alter));
    Operation drop = new Operation.DropTable(
        new dev.strata.grammar.ast.QualifiedName(Optional.of(quoted("Sales")), id("orders")), false, false);
    assertEquals(List.of("DROP TABLE \"Sales\".orders"), render(drop));
  }

  @Test
  void aMultiActionAlterTableIsOneStatementPerAction() throws Exception {
    assertEquals(
        List.of(
            "ALTER TABLE t ALTER a SET NOT NULL",
            "ALTER TABLE t ALTER COLUMN b TYPE bigint USING b::bigint",
            "ALTER TABLE t RENAME TO u"),
        render(
            alter(
                "t",
                new AlterAction.SetNotNull(id("a")),
                new AlterAction.AlterColumnType(id("b"), type(BIGINT), Optional.of(expr("b::bigint"))),
                new AlterAction.RenameTable(id("u")))));
  }

  @Test
  void rawBlocksAreVerbatimForTheirDialectAndEmptyForOthers() throws Exception {
    assertEquals(
        List.of("  SELECT 1;\n  SELECT 2"),
        render(new Operation.RawSql("postgresql", "\r\n\n  SELECT 1;\r\n  SELECT 2;;\n\n")));
    assertEquals(List.of(), render(new Operation.RawSql("mysql", "SELECT 1;")));
  }

  @Test
  void aBlockEndingInALineCommentGetsItsTerminatorOnTheNextLine() throws Exception {
    assertEquals(
        List.of("SELECT 1; -- trailing note\n"),
        render(new Operation.RawSql("postgresql", "SELECT 1; -- trailing note\n")));
    assertEquals(
        List.of("SELECT 1\n-- the end\n"),
        render(new Operation.RawSql("postgresql", "SELECT 1\n-- the end")));
  }

  @Test
  void aSkippedBlockLeavesACommentInTheScript() throws Exception {
    Plan plan =
        upgrade(
            List.of("0001_a"),
            List.of("0002_b"),
            up("0002_b", List.of("0001_a"), "", List.of(stmt(new Operation.RawSql("sqlite", "SELECT 1")),
                    stmt(new Operation.RawSql("postgresql", "SELECT 2"))),
                update("0001_a", "0002_b")));
    String script = PG.render(plan, GoldenCases.OPTIONS.withGuards(false));
    assertTrue(
        script.endsWith(
            "BEGIN;\n\n-- Running upgrade 0001_a -> 0002_b\n\n-- skipped: dialect block for sqlite\n\n"
                + "SELECT 2;\n\n"
                + "UPDATE alembic_version SET version_num = '0002_b' WHERE alembic_version.version_num = '0001_a';\n\n"
                + "COMMIT;\n"),
        script);
  }

  @Test
  void revisionIdsAreEscapedLiterals() {
    VersionTable table = new VersionTable(SqlContext.forDialect(Dialect.POSTGRESQL), GoldenCases.OPTIONS);
    assertEquals(
        "DELETE FROM alembic_version WHERE alembic_version.version_num = 'a''; DROP TABLE x; --'",
        table.render(delete("a'; DROP TABLE x; --")));
    assertEquals(
        "INSERT INTO alembic_version (version_num) VALUES ('back\\slash''')",
        table.render(insert("back\\slash'")));
  }

  @Test
  void theHeaderNamesHeadsVersionTableAndASourcesChecksum() throws Exception {
    Plan plan =
        upgrade(
            List.of("0001_a"),
            List.of("0002_b", "0003_c"),
            up("0002_b", List.of("0001_a"), "b", List.of(), update("0001_a", "0002_b")),
            up("0003_c", List.of("0001_a"), "c", List.of(), insert("0003_c")));
    StringBuilder lines = new StringBuilder();
    plan.steps().forEach(s -> lines.append(s.revision().source().sha256()).append("  ").append(s.id()).append('\n'));
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    String script =
        PG.render(plan, new ScriptOptions("versions", Optional.of("Meta"), "9.9.9").withGuards(false));
    assertTrue(
        script.startsWith(
            "\\set ON_ERROR_STOP on\n"
                + "\\encoding UTF8\n"
                + "-- strata 9.9.9: upgrade 0001_a -> 0002_b, 0003_c (postgresql)\n"
                + "-- from: 0001_a\n"
                + "-- to: 0002_b, 0003_c\n"
                + "-- version table: \"Meta\".versions\n"
                + "-- sources: sha256:" + expected + " over 2 revision files\n"
                + "\nBEGIN;\n\n-- Running upgrade 0001_a -> 0002_b, b\n\n"),
        script);
    assertFalse(script.contains("CREATE TABLE"), "no version table DDL unless from base");
  }

  @Test
  void everyUnrenderableStatementIsReportedWithItsPosition() {
    Span row2 = new Span(3, 38, 1);
    Operation badInsert =
        new Operation.Insert(
            table("t"),
            ids("a", "b"),
            new Operation.InsertSource.Values(
                List.of(List.of(expr("1"), expr("2")), List.of(new Expr("3", row2)))),
            false);
    Operation unnamedIndex =
        new Operation.CreateIndex(
            Optional.empty(), table("t"), false, false, true, Optional.empty(), List.of(key("a")),
            List.of(), Optional.empty());
    Plan plan =
        upgrade(
            List.of("0001_a"),
            List.of("0002_b"),
            up("0002_b", List.of("0001_a"), "", List.of(
                    new Statement(badInsert, false, new Span(3, 1, 6), ""),
                    new Statement(unnamedIndex, false, new Span(2, 1, 6), "")),
                update("0001_a", "0002_b")));
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> PG.renderStatement(
            new Statement(badInsert, false, new Span(3, 1, 6), ""), SOURCE));
    assertEquals(
        "versions/0002_b.sql:3:38: error[E0401]: INSERT row 2 has 1 value, but 2 columns are listed\n"
            + "  3 | INSERT INTO t (a, b) VALUES (1, 2), (3);\n"
            + "    |                                      ^\n"
            + "  = help: give every VALUES row one value per column\n",
        e.format());
    // render reports every offender against its step's revision file (here Ast.revision's text)
    DiagnosticException all = assertThrows(DiagnosticException.class, () -> PG.render(plan, GoldenCases.OPTIONS));
    assertEquals(List.of("E0401", "E0402"), all.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals(
        "versions/0002_b.sql:2:1: error[E0402]: CREATE INDEX IF NOT EXISTS needs an index name\n"
            + "  2 | -- revises: 0001_a\n"
            + "    | ^^^^^^\n"
            + "  = note: postgresql can only test for an index by its name\n",
        all.diagnostics().get(1).format());
  }

  @Test
  void withoutAColumnListEveryRowIsAsLongAsTheFirst() {
    Operation insert =
        new Operation.Insert(
            table("t"),
            List.of(),
            new Operation.InsertSource.Values(
                List.of(List.of(expr("1")), List.of(new Expr("2", new Span(3, 30, 1)), expr("3")))),
            false);
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> PG.renderStatement(stmt(insert), SOURCE));
    assertEquals(
        "versions/0002_b.sql:3:30: error[E0401]: INSERT row 2 has 2 values, but row 1 has 1 value\n",
        e.format().lines().findFirst().orElseThrow() + "\n");
  }

  @Test
  void addColumnIfNotExistsWithAConstraintIsRefused() {
    Operation add =
        alter("t", new AlterAction.AddColumn(
            column("a", type(INTEGER), new ColumnConstraint.Unique(Optional.empty())), true));
    DiagnosticException e =
        assertThrows(DiagnosticException.class,
            () -> PG.renderStatement(new Statement(add, false, new Span(3, 1, 11), ""), SOURCE));
    assertEquals(
        "versions/0002_b.sql:3:1: error[E0403]: ADD COLUMN IF NOT EXISTS with a constraint on the column cannot be rendered\n"
            + "  3 | INSERT INTO t (a, b) VALUES (1, 2), (3);\n"
            + "    | ^^^^^^^^^^^\n"
            + "  = help: add the column, then the constraint with ALTER TABLE ... ADD CONSTRAINT\n",
        e.format());
  }

  /**
   * Keywords are upper-cased in the root locale, whatever the JVM's default: in Turkish (and
   * Azeri) {@code "if"} upper-cases to {@code "İF"}, which no database reads as a keyword. jOOQ
   * caches each keyword's rendering in the first locale it renders it in, so a test that renders
   * in another locale after this JVM rendered anything proves nothing; {@code LauncherIT} renders
   * whole scripts in a fresh Turkish process.
   */
  @Test
  void everyDialectRendersInTheRootLocale() {
    for (Dialect dialect : Dialect.values()) {
      org.jooq.conf.Settings settings = SqlContext.forDialect(dialect).dsl().settings();
      assertEquals(java.util.Locale.ROOT, settings.getRenderLocale(), dialect.id());
      assertEquals(java.util.Locale.ROOT, settings.getLocale(), dialect.id());
    }
  }

  @Test
  void identityAlwaysUnderIfNotExistsIsRefused() throws Exception {
    String text = "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE IF NOT EXISTS t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n"
        + "ALTER TABLE u ADD COLUMN IF NOT EXISTS id INTEGER GENERATED ALWAYS AS IDENTITY;\n";
    dev.strata.grammar.SourceFile source = new dev.strata.grammar.SourceFile("versions/0001_a.sql", text);
    List<Statement> statements =
        new dev.strata.grammar.RevisionFileParser().parse(source).upgrade().statements();
    assertEquals(
        "versions/0001_a.sql:5:1: error[E0404]: CREATE TABLE IF NOT EXISTS with a GENERATED ALWAYS"
            + " AS IDENTITY column cannot be rendered\n"
            + "  5 | CREATE TABLE IF NOT EXISTS t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n"
            + "    | ^^^^^^\n"
            + "  = note: strata sets ALWAYS in a second statement, which IF NOT EXISTS would not skip\n"
            + "  = help: drop IF NOT EXISTS, or use GENERATED BY DEFAULT AS IDENTITY\n",
        assertThrows(DiagnosticException.class,
            () -> PG.renderStatement(statements.get(0), source)).format());
    assertEquals(
        "versions/0001_a.sql:6:1: error[E0404]: ADD COLUMN IF NOT EXISTS with a GENERATED ALWAYS"
            + " AS IDENTITY column cannot be rendered\n"
            + "  6 | ALTER TABLE u ADD COLUMN IF NOT EXISTS id INTEGER GENERATED ALWAYS AS IDENTITY;\n"
            + "    | ^^^^^\n"
            + "  = note: strata sets ALWAYS in a second statement, which IF NOT EXISTS would not skip\n"
            + "  = help: drop IF NOT EXISTS, or use GENERATED BY DEFAULT AS IDENTITY\n",
        assertThrows(DiagnosticException.class,
            () -> PG.renderStatement(statements.get(1), source)).format());
  }

  @Test
  void identityOptionsThatNeedASecondStatementAreRefusedWhereItWouldChangeTheMeaning()
      throws Exception {
    String text = "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE IF NOT EXISTS t (id BIGINT GENERATED BY DEFAULT AS IDENTITY (START 5));\n"
        + "ALTER TABLE u ADD COLUMN id INTEGER GENERATED ALWAYS AS IDENTITY (CACHE 5);\n";
    dev.strata.grammar.SourceFile source = new dev.strata.grammar.SourceFile("versions/0001_a.sql", text);
    List<Statement> statements =
        new dev.strata.grammar.RevisionFileParser().parse(source).upgrade().statements();
    assertEquals(
        "versions/0001_a.sql:5:1: error[E0412]: CREATE TABLE IF NOT EXISTS with an identity column"
            + " that has sequence options cannot be rendered\n"
            + "  5 | CREATE TABLE IF NOT EXISTS t (id BIGINT GENERATED BY DEFAULT AS IDENTITY (START 5));\n"
            + "    | ^^^^^^\n"
            + "  = note: strata adds such an identity in a second statement, which IF NOT EXISTS would"
            + " not skip\n"
            + "  = help: drop IF NOT EXISTS, or the identity's options\n",
        assertThrows(DiagnosticException.class,
            () -> PG.renderStatement(statements.get(0), source)).format());
    assertEquals(
        "versions/0001_a.sql:6:1: error[E0413]: ADD COLUMN with an identity column that has sequence"
            + " options cannot be rendered\n"
            + "  6 | ALTER TABLE u ADD COLUMN id INTEGER GENERATED ALWAYS AS IDENTITY (CACHE 5);\n"
            + "    | ^^^^^\n"
            + "  = note: jOOQ writes an identity without options, and adding them afterwards would not"
            + " number the table's existing rows from START\n"
            + "  = help: add the column as GENERATED ... AS IDENTITY without options, then change them"
            + " with ALTER COLUMN ... SET option ... RESTART, or put the statement between"
            + " '-- +dialect postgresql' and '-- +end' lines\n",
        assertThrows(DiagnosticException.class,
            () -> PG.renderStatement(statements.get(1), source)).format());
  }

  @Test
  void bannersFollowAlembic() {
    assertEquals("-- Running upgrade  -> 0001_a, first",
        Renderer.banner(up("0001_a", List.of(), "first", List.of())));
    assertEquals("-- Running upgrade 0002_b, 0003_c -> 0004_d",
        Renderer.banner(up("0004_d", List.of("0002_b", "0003_c"), "", List.of())));
    assertEquals("-- Running downgrade 0001_a -> ",
        Renderer.banner(down("0001_a", List.of(), "", List.of())));
  }

  @Test
  void dialectsAreFoundByTheirId() {
    assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.byId("postgresql"));
    assertEquals(Optional.empty(), Dialect.byId("PostgreSQL"));
    assertEquals(Optional.of(Dialect.MYSQL), Dialect.byId("mysql"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.byId("mariadb"));
    assertEquals(Optional.of(Dialect.SQLITE), Dialect.byId("sqlite"));
    assertEquals(Optional.empty(), Dialect.byId("sqlite3"));
    assertEquals("postgresql", Dialect.POSTGRESQL.id());
    assertEquals("postgresql, mysql, mariadb, sqlite", Dialect.knownIds());
    for (dev.strata.grammar.DialectId id : dev.strata.grammar.DialectId.values()) {
      assertEquals(id, Dialect.of(id).dialectId());
    }
  }

  @Test
  void scriptOptionsCheckThemselves() {
    ScriptOptions defaults = ScriptOptions.defaults("1.0");
    assertEquals(new ScriptOptions("alembic_version", Optional.empty(), "1.0", TransactionMode.BUNDLE), defaults);
    assertEquals(TransactionMode.NONE, defaults.withTransactionMode(TransactionMode.NONE).transactionMode());
    assertThrows(IllegalArgumentException.class, () -> new ScriptOptions("", Optional.empty(), "1.0"));
    assertThrows(IllegalArgumentException.class, () -> new ScriptOptions("v", Optional.of(""), "1.0"));
    assertThrows(IllegalArgumentException.class, () -> ScriptOptions.defaults("1.0\n-- x"));
  }

  @Test
  void aLockWaitIsADurationAboveZero() {
    ScriptOptions defaults = ScriptOptions.defaults("1.0");
    assertEquals(Optional.of("30s"), defaults.withLockWait(Optional.of("30s")).lockWait());
    assertEquals("bad lock wait '0s': expected a duration above zero, like 30s or 5min",
        assertThrows(IllegalArgumentException.class,
            () -> defaults.withLockWait(Optional.of("0s"))).getMessage());
    assertEquals("bad lock wait '30 s': expected a number with a unit, like 5s, 500ms or 2min",
        assertThrows(IllegalArgumentException.class,
            () -> defaults.withLockWait(Optional.of("30 s"))).getMessage());
  }

  /** PostgreSQL takes at most 2147483647 ms (INT_MAX): a longer timeout fails in the script. */
  @Test
  void aTimeoutIsAtMostWhatPostgresqlTakes() {
    ScriptOptions defaults = ScriptOptions.defaults("1.0");
    for (String fits : List.of("24d", "596h", "35791min", "2147483s", "2147483647ms",
        "2147483647", "9999999999us", "0")) {
      assertEquals(Optional.of(fits), defaults.withTimeouts(Optional.of(fits), Optional.of(fits))
          .lockTimeout(), fits);
    }
    for (String tooLong : List.of("25d", "597h", "35792min", "2147484s", "2147483648ms",
        "2147483648", "9999999999d")) {
      assertEquals("bad lock timeout '" + tooLong + "': longer than PostgreSQL takes"
              + " (2147483647 ms, about 24 days)",
          assertThrows(IllegalArgumentException.class,
              () -> defaults.withTimeouts(Optional.of(tooLong), Optional.empty())).getMessage());
    }
  }

  /** The lock key is the documented hash: {@code docs/scripts.md} shows how to recompute it. */
  @Test
  void theLockKeyIsTheFirstEightBytesOfTheSha256OfTheQualifiedName() {
    // printf 'strata advisory lock\nschema: public\ntable: alembic_version\n' | sha256sum
    assertEquals(0x43f2f78b34ddaf39L, SessionLock.key(Optional.empty(), "alembic_version"));
    assertEquals(SessionLock.key(Optional.of("public"), "alembic_version"),
        SessionLock.key(Optional.empty(), "alembic_version"));
    assertNotEquals(SessionLock.key(Optional.of("ops"), "alembic_version"),
        SessionLock.key(Optional.empty(), "alembic_version"));
  }
}
