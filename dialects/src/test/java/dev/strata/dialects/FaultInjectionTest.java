package dev.strata.dialects;

import static dev.strata.dialects.Chain.PROGRESS_ROWS;
import static dev.strata.dialects.Chain.PROGRESS_TABLE;
import static dev.strata.dialects.Chain.VERSION_ROWS;
import static dev.strata.dialects.Chain.apply;
import static dev.strata.dialects.Chain.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failure leaves in each {@link TransactionMode}: a chain whose third revision fails at its
 * second statement (an UPDATE that violates a CHECK constraint), applied from its first revision
 * with the real {@code psql}, compared with databases brought to known revisions by clean scripts.
 */
class FaultInjectionTest {
  private static final String CHECK_VIOLATION =
      "ERROR:  new row for relation \"t\" violates check constraint \"t_v_check\"";

  @TempDir Path dir;
  private PostgresServer server;
  private final List<String> databases = new ArrayList<>();
  private Chain chain;

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresServer.require();
    chain = new Chain(dir,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE t (id INTEGER, v INTEGER CHECK (v < 10));\n"
            + "INSERT INTO t (id, v) VALUES (1, 1);\n",
        "-- revision: 0002_u\n-- revises: 0001_t\n-- message: u\n\n-- +upgrade\n"
            + "CREATE TABLE u (id INTEGER);\nALTER TABLE t ADD COLUMN w INTEGER;\n",
        "-- revision: 0003_fails\n-- revises: 0002_u\n-- message: fails at its second statement\n\n"
            + "-- +upgrade\nCREATE TABLE x (id INTEGER);\nUPDATE t SET v = v + 100;\n",
        "-- revision: 0004_y\n-- revises: 0003_fails\n-- message: y\n\n-- +upgrade\n"
            + "CREATE TABLE y (id INTEGER);\n");
  }

  @AfterEach
  void tearDown() {
    databases.forEach(server::dropDatabase);
  }

  /** A fresh database at {@code revision}, brought there by a clean unguarded script. */
  private String databaseAt(String revision) throws Exception {
    String database = server.createDatabase("strata_fault");
    databases.add(database);
    apply(server, database, chain.upgrade("base:" + revision, GoldenCases.OPTIONS));
    return database;
  }

  /** Runs {@code 0001_t:head} in {@code mode} on a database at 0001_t; it must stop at the UPDATE. */
  private String failedRun(TransactionMode mode) throws Exception {
    String database = databaseAt("0001_t");
    ProcessResult result = server.psql(database,
        chain.upgrade("0001_t:head", GoldenCases.OPTIONS.withTransactionMode(mode)));
    assertEquals(3, result.exitCode(), result.stderr());
    List<String> messages = messages(result);
    assertEquals(CHECK_VIOLATION, messages.get(messages.size() - 2), result.stderr());
    assertEquals("DETAIL:  Failing row contains (1, 101, null).", messages.getLast());
    return database;
  }

  private String runId(TransactionMode mode) throws Exception {
    return Progress.runId(chain.plan(dev.strata.grammar.ast.Direction.UPGRADE, "0001_t:head"),
        GoldenCases.OPTIONS.withTransactionMode(mode), "alembic_version");
  }

  @Test
  void bundleModeLeavesTheDatabaseExactlyAsBefore() throws Exception {
    String before = server.schemaDump(databaseAt("0001_t"));
    String database = failedRun(TransactionMode.BUNDLE);
    assertEquals(before, server.schemaDump(database));
    assertEquals(List.of("0001_t"), server.query(database, VERSION_ROWS));
    assertEquals(List.of("-"), server.query(database, PROGRESS_TABLE), "one segment: no progress");
  }

  @Test
  void revisionModeLeavesTheLastCompleteRevisionAndTheVersionTableSaysSo() throws Exception {
    String expected = server.schemaDump(databaseAt("0002_u"));
    String database = failedRun(TransactionMode.REVISION);
    assertEquals(List.of("0002_u"), server.query(database, VERSION_ROWS));
    assertEquals(List.of(runId(TransactionMode.REVISION) + ":1"),
        server.query(database, PROGRESS_ROWS));
    apply(server, database, Chain.sql(dir, "DROP TABLE strata_progress;"));
    assertEquals(expected, server.schemaDump(database), "0002_u's schema, plus strata_progress");
  }

  @Test
  void revisionModeResumesAtTheFailedRevisionOnceTheDataIsFixed() throws Exception {
    Path fix = Chain.sql(dir, "UPDATE t SET v = -100;");
    String reference = databaseAt("0002_u");
    apply(server, reference, fix);
    apply(server, reference, chain.upgrade("0002_u:head", GoldenCases.OPTIONS));
    String expected = server.schemaDump(reference);
    String database = failedRun(TransactionMode.REVISION);
    apply(server, database, fix);
    ProcessResult rerun = apply(server, database,
        chain.upgrade("0001_t:head", GoldenCases.OPTIONS.withTransactionMode(TransactionMode.REVISION)));
    assertEquals(
        "strata: segment 1 of 3 already done, skipped\n"
            + "strata: segment 2 of 3\n"
            + "strata: segment 3 of 3\n",
        rerun.stdout());
    assertEquals(List.of("NOTICE:  strata: resuming after segment 1 of 3"), messages(rerun));
    assertEquals(List.of("0004_y"), server.query(database, VERSION_ROWS));
    assertEquals(List.of("-"), server.query(database, PROGRESS_TABLE));
    assertEquals(expected, server.schemaDump(database));
  }

  @Test
  void noneModeLeavesEveryStatementThatRanBeforeTheFailure() throws Exception {
    String database = failedRun(TransactionMode.NONE);
    // 0002_u completed and was recorded; of 0003_fails, CREATE TABLE x ran and stayed, the UPDATE
    // failed, and the version table still names 0002_u.
    assertEquals(List.of("0002_u"), server.query(database, VERSION_ROWS));
    assertEquals(List.of(runId(TransactionMode.NONE) + ":1"), server.query(database, PROGRESS_ROWS));
    assertEquals(
        List.of("alembic_version", "strata_progress", "t", "u", "x"),
        server.query(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            + " ORDER BY tablename"));
    assertEquals(List.of("1|1|null"), server.query(database, "SELECT id, v, w FROM t"));
  }
}
