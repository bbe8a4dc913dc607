package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample chain on MariaDB and SQLite through their own clients ({@code mariadb} against the
 * MariaDB server, {@code sqlite3} on a file), and on MySQL where a MySQL server is found ({@code
 * STRATA_TEST_MYSQL_URL} or a container: the mysql dialect's scripts use MySQL-only forms such as
 * {@code CAST(... AS JSON)} that the MariaDB server refuses, so they are not run against it), as {@link SampleChainPostgresTest} and {@link
 * SchemaSnapshotChainTest} do for PostgreSQL: {@code upgrade base:head} applies, {@code downgrade
 * head:base} leaves only the empty version table, the upgrade applied again gives the same schema
 * (normalised {@code SHOW CREATE TABLE} / {@code .schema}); and for base and every prefix X, {@code
 * strata schema X --dialect D} applied to an empty database gives the schema of {@code strata
 * upgrade base:X --dialect D} (the version table left out); {@code status --db} finds no drift
 * in the database strata's own upgrade made. Schemas compare as the sorted lines of
 * each statement ({@link #lines}): MariaDB lists a table's keys, and SQLite keeps a table's
 * constraints, in the order they were made, which a snapshot and a chain of ALTERs differ in.
 */
class SampleChainDialectsTest {
  private static List<String> dialects() {
    boolean mysql = !dev.strata.testkit.MariaDbServer.requireMysql().isMariaDb();
    if (!mysql) {
      System.out.println("SampleChainDialectsTest: no MySQL server (only MariaDB): the mysql"
          + " dialect's scripts are covered by the golden files and the mysql tests of dialects/");
    }
    return mysql ? List.of("mariadb", "mysql", "sqlite") : List.of("mariadb", "sqlite");
  }
  private static final String VERSION_TABLE = "alembic_version";

  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicNode> sampleChainInEveryDialect() throws Exception {
    List<Step> steps =
        new Planner(RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())))
            .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head"))
            .steps();
    String head = steps.getLast().id();
    return dialects().stream().map(dialect -> DynamicContainer.dynamicContainer(dialect,
        Stream.concat(
            Stream.of(DynamicTest.dynamicTest("upgrade, downgrade, upgrade",
                () -> roundTrip(dialect, head))),
            Stream.concat(Stream.of("base"), steps.stream().map(Step::id)).map(target ->
                DynamicTest.dynamicTest("schema " + target, () -> snapshot(dialect, target))))));
  }

  private static void roundTrip(String dialect, String head) throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "strata_chain")) {
      apply(db, "upgrade", "base:head");
      assertEquals(List.of(head), db.query("SELECT version_num FROM " + VERSION_TABLE));
      String full = lines(db.schema());
      Cli status = Cli.run("status", "--db", db.jdbcUrl(), "--versions",
          Cli.sampleVersions().toString());
      assertEquals(0, status.exitCode(), () -> status.out() + status.err());
      org.junit.jupiter.api.Assertions.assertTrue(
          status.out().contains("drift: none"), () -> "no drift after strata's own upgrade:\n"
              + status.out());

      apply(db, "downgrade", "head:base");
      assertEquals(List.of(), db.query("SELECT version_num FROM " + VERSION_TABLE));
      assertEquals(lines(db.schema()), emptyWithVersionTable(dialect),
          "only the version table is left after downgrade head:base");

      apply(db, "upgrade", "base:head");
      assertEquals(full, lines(db.schema()), "the schema after upgrading again");
    }
  }

  /** The schema of a database that holds nothing but strata's version table. */
  private static String emptyWithVersionTable(String dialect) throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "strata_empty")) {
      apply(db, "upgrade", "base:base");
      return lines(db.schema());
    }
  }

  private static void snapshot(String dialect, String target) throws Exception {
    try (TestDatabase snapshot = TestDatabase.create(dialect, "strata_snap");
        TestDatabase upgraded = TestDatabase.create(dialect, "strata_upg")) {
      apply(snapshot, "schema", target);
      if (!target.equals("base")) {
        apply(upgraded, "upgrade", "base:" + target);
      }
      assertEquals(lines(upgraded.schema(Set.of(VERSION_TABLE))), lines(snapshot.schema()),
          "strata schema " + target + " --dialect " + dialect);
    }
  }

  /**
   * The schema dump as the sorted lines of each of its statements (statements are separated by a
   * blank line), trailing commas dropped, the statements sorted too.
   */
  static String lines(String schema) {
    List<String> statements = new java.util.ArrayList<>();
    for (String statement : schema.split("\n\n")) {
      StringBuilder out = new StringBuilder();
      statement.lines().flatMap(SampleChainDialectsTest::items)
          .map(l -> l.strip().replaceAll(",$", ""))
          // SQLite names no constraint of its own: an unnamed key as written, and the one a
          // rebuild or snapshot writes with the name PostgreSQL implies, are the same
          .map(l -> l.replaceFirst("^CONSTRAINT \\S+_(?:fkey|key|pkey|check) ", ""))
          // SQLite keeps a table's CREATE text as made: a rebuilt table's reads CREATE TABLE IF
          // NOT EXISTS, and its name is quoted by the RENAME that put it in place
          .map(l -> l.replaceFirst("^CREATE TABLE IF NOT EXISTS ", "CREATE TABLE ")
              .replaceAll("\"([a-z_][a-z0-9_]*)\"", "$1"))
          .sorted()
          .forEach(l -> out.append(l).append('\n'));
      statements.add(out.toString());
    }
    statements.sort(null);
    return String.join("\n", statements);
  }


  /**
   * A line cut at its commas outside parentheses and quotes: SQLite's {@code ADD COLUMN} appends
   * {@code , name type} to the last line of the table's stored text.
   */
  private static Stream<String> items(String line) {
    List<String> out = new java.util.ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0 && i + 1 < line.length()) {
        out.add(line.substring(start, i));
        start = i + 1;
      }
    }
    out.add(line.substring(start));
    return out.stream();
  }

  /** Renders {@code strata COMMAND ARG --dialect D} and applies it with the dialect's client. */
  private static void apply(TestDatabase db, String command, String argument) throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, argument, "--versions", Cli.sampleVersions().toString(),
        "--dialect", db.dialect(), "-o", script.toString());
    assertEquals(0, cli.exitCode(),
        () -> "strata " + command + " " + argument + " --dialect " + db.dialect() + ":\n"
            + cli.err());
    ClientRun run = db.apply(script);
    assertEquals(0, run.exitCode(), () -> db.clientCommand() + " (" + command + " " + argument
        + ") failed:\n" + run.stderr() + "\n" + run.stdout());
  }
}
