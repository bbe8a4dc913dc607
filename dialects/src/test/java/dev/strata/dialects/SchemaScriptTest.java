package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.ColumnRef;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Extension;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.Routine;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.Trigger;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.Statement;
import dev.strata.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SchemaScript} on hand-built models: golden outputs, and the rendered script applied with
 * psql gives the same {@code pg_dump --schema-only} as the same schema written by hand ({@code
 * schema/ledger.ddl.sql}).
 */
class SchemaScriptTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "schema");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Origin AT = new Origin("0001_ledger", "versions/0001_ledger.sql",
      Span.at(1, 1));
  private static final SchemaScript SCRIPT = SchemaScript.forDialect(Dialect.POSTGRESQL);

  @TempDir Path dir;

  @Test
  void emptyModelIsAnEmptyTransaction() throws Exception {
    golden("empty.sql", SCRIPT.render(SchemaModel.empty(), List.of("strata schema base")));
  }

  @Test
  void ledgerGolden() throws Exception {
    golden("ledger.sql", SCRIPT.render(ledger(List.of()), List.of("strata schema 0001_ledger")));
  }

  @Test
  void handEditsAreNamedAtTheTop() throws Exception {
    SchemaModel model = ledger(List.of(
        new HandEdit("postgresql",
            new Origin("0002_grants", "versions/0002_grants.sql", Span.at(7, 1))),
        new HandEdit("postgresql",
            new Origin("0005_audit", "versions/0005_audit.sql", Span.at(12, 1)))));
    String script = SCRIPT.render(model, List.of("strata schema head"));
    assertTrue(script.startsWith("""
        \\set ON_ERROR_STOP on
        -- strata schema head
        --
        -- WARNING: the schema model could not follow these hand-written blocks;
        -- what they changed is not in this script:
        --   versions/0002_grants.sql:7:1: -- +dialect postgresql (revision 0002_grants)
        --   versions/0005_audit.sql:12:1: -- +dialect postgresql (revision 0005_audit)

        BEGIN;
        """), script);
  }

  @Test
  void ledgerDumpsLikeTheSameSchemaWrittenByHand() throws Exception {
    PostgresServer server = PostgresServer.require();
    Path script = dir.resolve("schema.sql");
    Files.writeString(script, SCRIPT.render(ledger(List.of()), List.of()), StandardCharsets.UTF_8);
    String rendered = server.createDatabase("strata_schema");
    String byHand = server.createDatabase("strata_byhand");
    try {
      PostgresServer.ProcessResult applied = server.psql(rendered, script);
      assertEquals(0, applied.exitCode(), applied.stderr());
      PostgresServer.ProcessResult written =
          server.psql(byHand, GOLDEN.resolve("ledger.ddl.sql"));
      assertEquals(0, written.exitCode(), written.stderr());
      assertEquals(server.schemaDump(byHand), server.schemaDump(rendered));
    } finally {
      server.dropDatabase(rendered);
      server.dropDatabase(byHand);
    }
  }

  @Test
  void namesAreQuotedWhenPostgresqlNeedsIt() {
    assertEquals(new Identifier("accounts", false), ModelOperations.identifier("accounts"));
    assertEquals(new Identifier("Order", true), ModelOperations.identifier("Order"));
    assertEquals(new Identifier("order", true), ModelOperations.identifier("order"));
    assertEquals(new Identifier("a b", true), ModelOperations.identifier("a b"));
  }

  @Test
  void aPartitionIsRefusedWithItsOrigin() {
    Table partition = new Table(new ObjectName("public", "entries_2024"), List.of(), List.of(),
        false, Optional.empty(), Optional.of(new ObjectName("public", "entries")), List.of(),
        Optional.empty(), AT);
    SchemaModel model = new SchemaModel(Map.of(), Map.of(), Map.of(),
        Map.of(partition.name(), partition), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        List.of());
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> SCRIPT.render(model, List.of()));
    assertEquals("""
        strata: error[E0420]: cannot write the schema of partition entries_2024: the schema \
        model does not keep a partition's bound
          = note: entries_2024 was created at versions/0001_ledger.sql:1:1
          = help: compare with a database brought to this revision by 'strata upgrade' instead
        """, e.diagnostics().getFirst().format());
  }

  /**
   * The model of {@code ledger.ddl.sql}, in an order of creation that differs from the file's:
   * {@code entries} (with its foreign key to {@code accounts}) comes first.
   */
  static SchemaModel ledger(List<HandEdit> handEdits) throws DiagnosticException {
    List<Statement> written = parsed("""
        CREATE VIEW account_totals AS SELECT account_id, sum(amount) AS total FROM entries GROUP BY account_id;
        CREATE MATERIALIZED VIEW audit.daily AS SELECT date_trunc('day', at) AS day, count(*) AS n FROM audit.events GROUP BY 1;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.updated_at := now();
          RETURN NEW;
        END
        $$;
        CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
        """);
    ObjectName entries = name("entries");
    ObjectName accounts = name("accounts");
    ObjectName events = new ObjectName("audit", "events");
    ObjectName status = name("request_status");
    ObjectName statementNo = name("statement_no");

    Table entriesTable = new Table(entries,
        List.of(
            column("id", DataType.of(Kind.BIGINT), true, Optional.empty(),
                Optional.of(new ColumnConstraint.Identity(true,
                    List.of(new SequenceOption.StartWith(100)))), Optional.empty(),
                Optional.empty(), Optional.empty()),
            column("account_id", DataType.of(Kind.BIGINT), true),
            column("amount", numeric(), true, Optional.of(expr("0")), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()),
            column("amount_abs", numeric(), false, Optional.empty(), Optional.empty(),
                Optional.of(expr("abs(amount)")), Optional.empty(), Optional.empty()),
            column("status", DataType.named(QualifiedName.of("request_status"), List.of()), true,
                Optional.of(expr("'pending'")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()),
            column("statement_no", DataType.of(Kind.BIGINT), false,
                Optional.of(expr("nextval('statement_no')")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()),
            column("memo", DataType.of(Kind.TEXT), false, Optional.empty(), Optional.empty(),
                Optional.empty(),
                Optional.of(new QualifiedName(Optional.empty(), new Identifier("C", true))),
                Optional.empty())),
        List.of(
            new Constraint.PrimaryKey("entries_pkey", List.of("id"), ConstraintTiming.NONE, AT),
            new Constraint.ForeignKey("entries_account_id_fkey", List.of("account_id"), accounts,
                List.of("id"), Optional.empty(), Optional.of(ReferentialAction.CASCADE),
                Optional.empty(), ConstraintTiming.NONE, false, AT),
            new Constraint.Check("entries_amount_check", expr("amount <> 0"), false, AT)),
        false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), AT);
    Table accountsTable = new Table(accounts,
        List.of(
            column("id", DataType.of(Kind.BIGSERIAL), true),
            column("code", new DataType(Kind.VARCHAR, OptionalInt.of(32), OptionalInt.empty()),
                true),
            column("Order", DataType.of(Kind.INTEGER), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("display order")),
            column("email", DataType.named(QualifiedName.of("citext"), List.of()), false),
            column("updated_at", DataType.of(Kind.TIMESTAMPTZ), false)),
        List.of(
            new Constraint.PrimaryKey("accounts_pkey", List.of("id"), ConstraintTiming.NONE, AT),
            new Constraint.Unique("accounts_code_key", List.of("code"), false,
                ConstraintTiming.NONE, AT),
            new Constraint.Check("accounts_order_check", expr("\"Order\" > 0"), true, AT)),
        false, Optional.empty(), Optional.empty(), List.of(), Optional.of("ledger accounts"), AT);
    Table eventsTable = new Table(events,
        List.of(
            column("id", DataType.of(Kind.BIGINT), true),
            column("at", DataType.of(Kind.TIMESTAMPTZ), true, Optional.of(expr("now()")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
        List.of(new Constraint.PrimaryKey("events_pkey", List.of("id"), ConstraintTiming.NONE,
            AT)),
        false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), AT);

    Map<ObjectName, Table> tables = new LinkedHashMap<>();
    tables.put(entries, entriesTable);
    tables.put(accounts, accountsTable);
    tables.put(events, eventsTable);

    Index byAccount = new Index(name("ix_entries_account"), entries, false, Optional.empty(),
        List.of(key("account_id", IndexElement.SortOrder.DEFAULT),
            key("id", IndexElement.SortOrder.DESC)),
        List.of(), false, List.of(), Optional.of(expr("amount > 0")),
        Optional.of("positive entries by account"), AT);
    Index lowerCode = new Index(name("ix_accounts_lower_code"), accounts, true, Optional.empty(),
        List.of(new IndexElement(Optional.empty(), Optional.of(expr("lower(code)")),
            IndexElement.SortOrder.DEFAULT)),
        List.of(), false, List.of(), Optional.empty(), Optional.empty(), AT);
    Map<ObjectName, Index> indexes = new LinkedHashMap<>();
    indexes.put(byAccount.name(), byAccount);
    indexes.put(lowerCode.name(), lowerCode);

    var totals = (Operation.CreateView) written.get(0).operation();
    var daily = (Operation.PostgresOnly.CreateMaterializedView) written.get(1).operation();
    Map<ObjectName, View> views = new LinkedHashMap<>();
    views.put(name("account_totals"), new View(name("account_totals"), false,
        totals.definition(), Optional.of("totals"), AT));
    views.put(new ObjectName("audit", "daily"), new View(new ObjectName("audit", "daily"), true,
        daily.definition(), Optional.of("events per day"), AT));

    var touch = (Operation.PostgresOnly.CreateRoutine) written.get(2).operation();
    Routine routine = new Routine(name("touch"), RoutineKind.FUNCTION, List.of(), touch,
        written.get(2).text(), AT);
    var touchTrigger = (Operation.PostgresOnly.CreateTrigger) written.get(3).operation();
    Trigger trigger = new Trigger("accounts_touch", accounts, touchTrigger,
        written.get(3).text(), AT);

    Sequence sequence = new Sequence(statementNo,
        List.of(new SequenceOption.As(DataType.of(Kind.BIGINT)),
            new SequenceOption.IncrementBy(10), new SequenceOption.StartWith(1000),
            new SequenceOption.Cache(5)),
        Optional.of(new ColumnRef(entries, "statement_no")), Optional.of("statement numbers"),
        AT);

    return new SchemaModel(
        Map.of("audit", AT),
        Map.of(status, new EnumType(status, List.of("pending", "approved", "rejected"),
            Optional.of("where a request is"), AT)),
        Map.of(statementNo, sequence),
        tables,
        indexes,
        views,
        Map.of(routine.signature(), routine),
        Map.of(trigger.key(), trigger),
        Map.of("citext", new Extension("citext", Optional.empty(), AT)),
        handEdits);
  }

  private static List<Statement> parsed(String statements) throws DiagnosticException {
    String file = "-- revision: 0001_ledger\n-- revises: base\n-- message: ledger\n\n"
        + "-- +upgrade\n" + statements;
    return new RevisionFileParser()
        .parse(new SourceFile("versions/0001_ledger.sql", file))
        .upgrade()
        .statements();
  }

  private static ObjectName name(String name) {
    return new ObjectName("public", name);
  }

  private static Expr expr(String sql) {
    return new Expr(sql, Span.at(1, 1));
  }

  private static DataType numeric() {
    return new DataType(Kind.NUMERIC, OptionalInt.of(18), OptionalInt.of(2));
  }

  private static IndexElement key(String column, IndexElement.SortOrder order) {
    return new IndexElement(Optional.of(Identifier.of(column)), Optional.empty(), order);
  }

  private static Column column(String name, DataType type, boolean notNull) {
    return column(name, type, notNull, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  private static Column column(String name, DataType type, boolean notNull,
      Optional<Expr> defaultValue, Optional<ColumnConstraint.Identity> identity,
      Optional<Expr> generated, Optional<QualifiedName> collation, Optional<String> comment) {
    return new Column(name, type, notNull, defaultValue, identity, generated, collation, comment,
        AT);
  }

  private static void golden(String file, String actual) throws Exception {
    Path path = GOLDEN.resolve(file);
    if (UPDATE && (!Files.exists(path) || !Files.readString(path).equals(actual))) {
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      System.err.println("golden.update: wrote " + path);
      return;
    }
    assertTrue(Files.exists(path), path + " is missing; run with -Dgolden.update=true");
    assertEquals(Files.readString(path), actual, path.toString());
  }
}
