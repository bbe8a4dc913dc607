package dev.strata.dialects;

import static dev.strata.dialects.Chain.VERSION_ROWS;
import static dev.strata.dialects.Chain.apply;
import static dev.strata.dialects.Chain.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start guard and the row-count checks of guarded scripts, run with the real {@code psql}: a
 * script on a database in another state stops before its first change and names both states.
 */
class GuardTest {
  private static final ScriptOptions OPTIONS = GoldenCases.OPTIONS;
  private static final String STOPPED = "psql exits 3 when ON_ERROR_STOP stops a script";

  @TempDir Path dir;
  private PostgresServer server;
  private String database;
  private Chain chain;

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresServer.require();
    database = server.createDatabase("strata_guard");
    chain = new Chain(dir,
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "CREATE TABLE b (id INTEGER);\n\n-- +downgrade\nDROP TABLE b;\n",
        "-- revision: 0003_c\n-- revises: 0001_a\n-- message: c, a second head\n\n-- +upgrade\n"
            + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
  }

  @AfterEach
  void tearDown() {
    if (database != null) {
      server.dropDatabase(database);
    }
  }

  /** Runs {@code script}, which must stop at its guard: exit 3, nothing changed; its messages. */
  private List<String> refused(Path script) {
    String schema = server.schemaDump(database);
    List<String> rows = versionRows();
    ProcessResult result = server.psql(database, script);
    assertEquals(3, result.exitCode(), STOPPED + ":\n" + result.stderr());
    assertEquals(schema, server.schemaDump(database), "schema after the refused script");
    assertEquals(rows, versionRows(), "version table after the refused script");
    assertEquals("", result.stdout());
    return messages(result);
  }

  private List<String> versionRows() {
    List<String> exists = server.query(database, "SELECT to_regclass('alembic_version') IS NOT NULL");
    return exists.equals(List.of("t")) ? server.query(database, VERSION_ROWS) : List.of("(no table)");
  }

  private static List<String> raised(String message) {
    return List.of("ERROR:  " + message, "CONTEXT:  PL/pgSQL function inline_code_block line 11 at RAISE");
  }

  @Test
  void anUpgradeFromBaseRefusesADatabaseThatIsAlreadyUpgraded() throws Exception {
    apply(server, database, chain.upgrade("base:0001_a", OPTIONS));
    assertEquals(
        raised("strata: alembic_version holds [0001_a] but this script starts from [base]"),
        refused(chain.upgrade("base:heads", OPTIONS)));
  }

  @Test
  void aScriptFromARevisionRefusesAnEmptyDatabaseAndCreatesNoVersionTable() throws Exception {
    assertEquals(
        raised("strata: alembic_version holds [base] but this script starts from [0001_a]"),
        refused(chain.upgrade("0001_a:0002_b", OPTIONS)));
  }

  @Test
  void aDowngradeNamesEveryExpectedHead() throws Exception {
    apply(server, database, chain.upgrade("base:0002_b", OPTIONS));
    assertEquals(
        raised("strata: alembic_version holds [0002_b] but this script starts from [0002_b, 0003_c]"),
        refused(chain.script(Direction.DOWNGRADE, "0002_b,0003_c:base", OPTIONS)));
  }

  @Test
  void runningAScriptTwiceFailsTheSecondTimeAndChangesNothing() throws Exception {
    Path script = chain.upgrade("base:heads", OPTIONS);
    apply(server, database, script);
    assertEquals(List.of("0002_b", "0003_c"), server.query(database, VERSION_ROWS));
    assertEquals(
        raised("strata: alembic_version holds [0002_b, 0003_c] but this script starts from [base]"),
        refused(script));
  }

  @Test
  void withoutGuardsTheScriptRunsAndFailsOnItsFirstConflict() throws Exception {
    Path script = chain.upgrade("base:0001_a", OPTIONS.withGuards(false));
    apply(server, database, script);
    ProcessResult again = server.psql(database, script);
    assertEquals(3, again.exitCode());
    assertEquals(
        List.of("NOTICE:  relation \"alembic_version\" already exists, skipping",
            "ERROR:  relation \"a\" already exists"),
        messages(again));
  }
}
