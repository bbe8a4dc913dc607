package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.MariaDbServer;
import dev.strata.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the MySQL and MariaDB golden scripts ({@code mysql.sql}, {@code mariadb.sql} and their
 * {@code .down.sql}) with the real {@code mariadb} client against the MariaDB server (the {@code
 * mysql} ones too: no MySQL server here), each case in a fresh database: it must upgrade to
 * exactly the graph's heads, to the schema {@code strata schema heads} writes (applied to an empty
 * database), downgrade (when it has a downgrade script) to an empty version table and no other
 * table or view, and upgrade again to the same schema. A case that renders only diagnostics for the
 * dialect ({@code .err}) is not run.
 */
class MysqlGoldenTest {
  private static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY CAST(version_num AS BINARY)";

  /**
   * Cases whose rendering is known to be wrong, by the part of strata that renders it wrong: each
   * is left out here, and listed on standard error, until that part is fixed.
   */
  private static final Map<String, String> KNOWN_WRONG = Map.of();

  @TestFactory
  Stream<DynamicTest> fileCasesUpgradeDowngradeAndUpgradeAgain() throws Exception {
    KNOWN_WRONG.forEach((name, why) -> System.err.println(
        "note: MysqlGoldenTest leaves out golden case " + name + ": " + why));
    return Stream.of(Dialect.MYSQL, Dialect.MARIADB)
        .filter(GoldenTest.DIALECTS::contains)
        .flatMap(dialect -> {
          try {
            return GoldenTest.fileCases().stream()
                .filter(c -> Files.exists(c.golden(dialect, Direction.UPGRADE, false)))
                .filter(c -> !KNOWN_WRONG.containsKey(c.name()))
                .filter(c -> runsHere(c, dialect))
                .map(c -> DynamicTest.dynamicTest(dialect.id() + " " + c.name(),
                    () -> run(c, dialect)));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** What only MySQL runs, of what the mysql dialect writes: MariaDB refuses it. */
  private static final Map<String, String> MYSQL_ONLY = Map.of(
      " AS json)", "a cast to MySQL's JSON type (MariaDB's JSON is text)",
      " DROP CHECK ", "MySQL's DROP CHECK (MariaDB drops a check with DROP CONSTRAINT)");

  /**
   * Whether the case's scripts can run on the server the dialect's tests get: a {@code mysql}
   * script that uses what only MySQL runs ({@link #MYSQL_ONLY}) cannot run on the MariaDB server
   * that stands in for MySQL here; it is left out, with a note.
   */
  private static boolean runsHere(FileCase c, Dialect dialect) {
    if (dialect != Dialect.MYSQL || !MariaDbServer.requireMysql().isMariaDb()) {
      return true;
    }
    try {
      String text = Files.readString(c.golden(dialect, Direction.UPGRADE, false));
      Path down = c.golden(dialect, Direction.DOWNGRADE, false);
      if (Files.exists(down)) {
        text += Files.readString(down);
      }
      String all = text;
      List<String> reasons = MYSQL_ONLY.entrySet().stream()
          .filter(e -> all.contains(e.getKey())).map(Map.Entry::getValue).sorted().toList();
      boolean mysqlOnly = !reasons.isEmpty();
      if (mysqlOnly) {
        System.err.println("note: MysqlGoldenTest runs the mysql scripts of " + c.name()
            + " only against MySQL: " + String.join("; ", reasons));
      }
      return !mysqlOnly;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void run(FileCase c, Dialect dialect) throws Exception {
    List<String> heads = c.graph().realHeads().stream().sorted().toList();
    Path up = c.golden(dialect, Direction.UPGRADE, false);
    Path down = c.golden(dialect, Direction.DOWNGRADE, false);
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_golden");
        TestDatabase fromSchema = TestDatabase.create(dialect.id(), "mysqlh_golden_schema")) {
      check(database.apply(up), up.toString());
      assertEquals(heads, database.query(VERSION_ROWS), "version table after upgrade");
      String schema = MysqlApplyTest.keysSorted(database.schema(Set.of("alembic_version")));

      SchemaModel model = Replay.of(c.graph(), dialect.dialectId()).at(heads);
      Path written = Files.createTempFile("mysqlh-schema-", ".sql");
      try {
        Files.writeString(written, SchemaScript.forDialect(dialect)
            .render(model, List.of("strata schema heads")), StandardCharsets.UTF_8);
        check(fromSchema.apply(written), c.name() + " strata schema");
      } finally {
        Files.deleteIfExists(written);
      }
      assertEquals(schema, MysqlApplyTest.keysSorted(fromSchema.schema()),
          "upgrade base:heads against strata schema heads");

      if (!Files.exists(down)) {
        return;
      }
      check(database.apply(down), down.toString());
      assertEquals(List.of(), database.query(VERSION_ROWS), "version table after downgrade");
      assertEquals("", database.schema(Set.of("alembic_version")), "left by the downgrade");
      check(database.apply(up), up + " after the downgrade");
      assertEquals(schema, MysqlApplyTest.keysSorted(database.schema(Set.of("alembic_version"))),
          "schema after downgrade and upgrade");
    }
  }

  private static void check(ClientRun run, String what) {
    if (!run.ok()) {
      fail(what + ":\n" + run.describe());
    }
  }
}
