package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite script's framing run with the real {@code sqlite3} as a DBA runs it ({@code sqlite3
 * FILE < SCRIPT}): the guard stops before any change on a database in the wrong state, with a
 * message that says what to do; the row-count check stops a version-table change that changed no
 * row; a failure rolls back the transaction; and a failure at every statement position of a chain,
 * in each transaction mode, leaves what {@code docs/dialects.md} says and is resumed by the
 * command the guard gives.
 */
class SqliteScriptTest {
  private static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY version_num";
  private static final Pattern TAIL = Pattern.compile("tail -n \\+([0-9]+) <script>");

  @TempDir Path dir;

  private Chain chain(String... revisions) throws Exception {
    return new Chain(dir.resolve("chain" + (++chains)), revisions);
  }

  private int chains;

  private static final String[] THREE = {
      "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
          + "CREATE TABLE a (id INTEGER PRIMARY KEY, v INTEGER);\n"
          + "INSERT INTO a (id, v) VALUES (1, 1);\n\n-- +downgrade\nDROP TABLE a;\n",
      "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
          + "CREATE TABLE b (id INTEGER PRIMARY KEY);\n"
          + "ALTER TABLE a ALTER COLUMN v SET NOT NULL;\n\n-- +downgrade\n"
          + "ALTER TABLE a ALTER COLUMN v DROP NOT NULL;\nDROP TABLE b;\n",
      "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n\n-- +upgrade\n"
          + "CREATE TABLE c (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE c;\n"};

  private Path script(Chain chain, Direction direction, String range, ScriptOptions options)
      throws Exception {
    return chain.script(Dialect.SQLITE, direction, range, options);
  }

  @Test
  void theGuardStopsBeforeAnyChangeWhenTheVersionTableHoldsOtherRows() throws Exception {
    Chain chain = chain(THREE);
    Path script = script(chain, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_guard")) {
      Sqlite3.apply(database, "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
          + " INSERT INTO alembic_version VALUES ('9999_other');");
      String schema = Sqlite3.schema(database, List.of());
      ClientRun run = Sqlite3.run(database, script);
      assertEquals(1, run.exitCode(), run.describe());
      assertEquals("strata: alembic_version holds [9999_other]\n", run.stdout());
      assertTrue(run.stderr().endsWith("CHECK constraint failed: strata: alembic_version holds"
          + " other rows than [base], the rows this script starts from (19)\n"), run.stderr());
      assertEquals(schema, Sqlite3.schema(database, List.of()), "nothing changed");
      assertEquals(List.of("9999_other"), Sqlite3.query(database, VERSION_ROWS));
    }
  }

  @Test
  void aScriptThatRanStopsAtItsGuardTheSecondTime() throws Exception {
    Chain chain = chain(THREE);
    Path script = script(chain, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_guard")) {
      Sqlite3.apply(database, script);
      ClientRun again = Sqlite3.run(database, script);
      assertEquals(1, again.exitCode());
      assertEquals("strata: alembic_version holds [0003_c]\n", again.stdout());
      assertTrue(again.stderr().endsWith("CHECK constraint failed: strata: alembic_version holds"
          + " [0003_c], the rows this script ends with: it has run to the end already (19)\n"),
          again.stderr());
    }
  }

  @Test
  void aScriptFromARevisionStopsOnADatabaseWithoutTheVersionTableAndLeavesNone()
      throws Exception {
    Chain chain = chain(THREE);
    Path script = script(chain, Direction.UPGRADE, "0001_a:head", GoldenCases.OPTIONS);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_guard")) {
      ClientRun run = Sqlite3.run(database, script);
      assertEquals(1, run.exitCode(), run.describe());
      assertTrue(run.stderr().endsWith("CHECK constraint failed: strata: alembic_version holds"
          + " other rows than [0001_a], the rows this script starts from (19)\n"), run.stderr());
      assertEquals(List.of(), Sqlite3.query(database,
          "SELECT name FROM sqlite_master"), "the version table made for the guard is rolled back");
    }
  }

  @Test
  void aVersionTableUpdateThatChangesNoRowStopsAndTheTransactionRollsBack() throws Exception {
    Chain chain = chain(
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: empties the version table\n\n"
            + "-- +upgrade\nCREATE TABLE b (id INTEGER);\n"
            + "-- +dialect sqlite\nDELETE FROM alembic_version;\n-- +end\n");
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_rows")) {
      Sqlite3.apply(database, script(chain, Direction.UPGRADE, "base:0001_a",
          GoldenCases.OPTIONS));
      String schema = Sqlite3.schema(database, List.of());
      ClientRun run = Sqlite3.run(database, script(chain, Direction.UPGRADE, "0001_a:0002_b",
          GoldenCases.OPTIONS));
      assertEquals(1, run.exitCode(), run.describe());
      assertTrue(run.stderr().endsWith("CHECK constraint failed: strata: version-table update"
          + " 0001_a -> 0002_b changed 0 rows of alembic_version, expected 1 (19)\n"),
          run.stderr());
      assertEquals(List.of("0001_a"), Sqlite3.query(database, VERSION_ROWS));
      assertEquals(schema, Sqlite3.schema(database, List.of()), "b is rolled back");
    }
  }

  @Test
  void aVersionTableDeleteThatChangesNoRowStops() throws Exception {
    Chain chain = chain(
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\n"
            + "DROP TABLE a;\n-- +dialect sqlite\nDELETE FROM alembic_version;\n-- +end\n");
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_rows")) {
      Sqlite3.apply(database, script(chain, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      ClientRun run = Sqlite3.run(database, script(chain, Direction.DOWNGRADE, "head:base",
          GoldenCases.OPTIONS));
      assertEquals(1, run.exitCode(), run.describe());
      assertTrue(run.stderr().endsWith("CHECK constraint failed: strata: version-table delete"
          + " of 0001_a changed 0 rows of alembic_version, expected 1 (19)\n"), run.stderr());
      assertEquals(List.of("0001_a"), Sqlite3.query(database, VERSION_ROWS));
      assertEquals(List.of("a"), Sqlite3.query(database,
          "SELECT name FROM sqlite_master WHERE name = 'a'"), "the drop is rolled back");
    }
  }

  // ---- a failure at every statement position

  /**
   * Four revisions of two statements each, each of which can run twice (so that a segment run
   * again after a failure outside a transaction does not fail on what it did before); the trap,
   * an {@code INSERT} into {@code trap} whose row the database already holds, is put at position
   * {@code at} (0: before the first statement).
   */
  private Chain trapped(int at) throws Exception {
    List<String> statements = new ArrayList<>(List.of(
        "CREATE TABLE IF NOT EXISTS t1 (id INTEGER);",
        "INSERT INTO trap (id) VALUES (10) ON CONFLICT DO NOTHING;",
        "CREATE TABLE IF NOT EXISTS t2 (id INTEGER, v INTEGER);",
        "ALTER TABLE t2 ALTER COLUMN v SET DEFAULT 0;",
        "CREATE INDEX IF NOT EXISTS ix_t1 ON t1 (id);",
        "INSERT INTO trap (id) VALUES (20) ON CONFLICT DO NOTHING;",
        "CREATE TABLE IF NOT EXISTS t3 (id INTEGER);",
        "DROP INDEX IF EXISTS ix_t1;"));
    statements.add(at, "INSERT INTO trap (id) VALUES (1);");
    String[] revisions = new String[5];
    revisions[0] = "-- revision: 0001_trap\n-- revises: base\n-- message: trap\n\n-- +upgrade\n"
        + "CREATE TABLE trap (id INTEGER PRIMARY KEY);\n";
    int next = 0;
    for (int r = 1; r <= 4; r++) {
      int count = r == revisionOf(at) ? 3 : 2;
      StringBuilder body = new StringBuilder();
      for (int k = 0; k < count; k++) {
        body.append(statements.get(next++)).append('\n');
      }
      revisions[r] = "-- revision: " + revision(r) + "\n-- revises: " + revision(r - 1)
          + "\n-- message: r" + r + "\n\n-- +upgrade\n" + body;
    }
    return chain(revisions);
  }

  /** The revision (1 to 4) the trap at {@code at} lands in. */
  private static int revisionOf(int at) {
    return Math.min(4, at / 2 + 1);
  }

  private static String revision(int r) {
    return r == 0 ? "0001_trap" : String.format("%04d_r%d", r + 1, r);
  }

  @Test
  void aFailureAtEveryPositionLeavesWhatTheModeSaysAndResumes() throws Exception {
    for (int at = 0; at <= 8; at++) {
      for (TransactionMode mode : TransactionMode.values()) {
        failAndResume(at, mode);
      }
    }
  }

  private void failAndResume(int at, TransactionMode mode) throws Exception {
    String what = "trap at " + at + ", " + mode;
    Chain chain = trapped(at);
    ScriptOptions options = GoldenCases.OPTIONS.withTransactionMode(mode);
    Path script = script(chain, Direction.UPGRADE, "0001_trap:head", options);
    Path clean;
    String expected;
    try (SqliteDatabase reference = SqliteDatabase.create("sqlite_fault")) {
      Sqlite3.apply(reference, script(chain, Direction.UPGRADE, "base:0001_trap",
          GoldenCases.OPTIONS));
      Sqlite3.apply(reference, script);
      expected = state(reference);
      clean = script(chain, Direction.UPGRADE, "base:0001_trap", GoldenCases.OPTIONS);
    }
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_fault")) {
      Sqlite3.apply(database, clean);
      Sqlite3.apply(database, "INSERT INTO trap (id) VALUES (1);");
      String before = state(database);
      ClientRun failed = Sqlite3.run(database, script);
      assertEquals(1, failed.exitCode(), what + ": " + failed.describe());
      assertTrue(failed.stderr().contains("UNIQUE constraint failed: trap.id"), what);
      int failedIn = revisionOf(at);
      List<String> rows = Sqlite3.query(database, VERSION_ROWS);
      switch (mode) {
        case BUNDLE -> {
          assertEquals(before, state(database), what + ": nothing changed");
          assertEquals(List.of("0001_trap"), rows, what);
        }
        case REVISION, NONE ->
            assertEquals(List.of(revision(failedIn - 1)), rows, what + ": the last complete one");
      }
      Sqlite3.apply(database, "DELETE FROM trap WHERE id = 1;");
      ClientRun rerun = Sqlite3.run(database, script);
      if (mode == TransactionMode.BUNDLE || failedIn == 1) {
        assertEquals(0, rerun.exitCode(), what + ": " + rerun.describe());
      } else {
        assertEquals(1, rerun.exitCode(), what + ": " + rerun.describe());
        Matcher tail = TAIL.matcher(rerun.stderr());
        assertTrue(tail.find(), what + ": " + rerun.stderr());
        assertTrue(rerun.stderr().contains("the rows after segment " + (failedIn - 1) + " of 4"),
            what + ": " + rerun.stderr());
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        int from = Integer.parseInt(tail.group(1));
        assertTrue(lines.get(from - 1).startsWith("-- strata: segment " + failedIn + " of 4 "),
            what + ": line " + from + " is " + lines.get(from - 1));
        Path rest = dir.resolve("rest.sql");
        Files.write(rest, lines.subList(from - 1, lines.size()), StandardCharsets.UTF_8);
        ClientRun resumed = Sqlite3.run(database, rest);
        assertEquals(0, resumed.exitCode(), what + ": " + resumed.describe());
      }
      assertEquals(expected, state(database), what + ": the state of a clean run");
    }
  }

  /** The schema and the rows of the version table and of {@code trap}. */
  private static String state(SqliteDatabase database) throws Exception {
    return Sqlite3.schema(database, List.of()) + Sqlite3.query(database, VERSION_ROWS)
        + Sqlite3.query(database, "SELECT id FROM trap ORDER BY id");
  }
}
