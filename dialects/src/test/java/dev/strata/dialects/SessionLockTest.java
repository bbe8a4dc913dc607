package dev.strata.dialects;

import static dev.strata.dialects.Chain.PROGRESS_ROWS;
import static dev.strata.dialects.Chain.VERSION_ROWS;
import static dev.strata.dialects.Chain.apply;
import static dev.strata.dialects.Chain.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The advisory lock of guarded scripts, with two real sessions: a script run while another session
 * holds the lock (a JDBC connection, or a second {@code psql} running a script that a gate holds in
 * its second segment) fails at once and changes nothing, in every transaction mode; with a lock
 * wait it waits for the first script to end.
 */
class SessionLockTest {
  /** The table the first script's second revision writes to, locked by the test to pause it. */
  private static final String GATE = "CREATE TABLE gate (id INTEGER)";

  private static final String TABLES =
      "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class"
          + " WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'";

  @TempDir Path dir;
  private PostgresServer server;
  private String database;
  private Chain chain;
  private final List<Connection> connections = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresServer.require();
    database = server.createDatabase("strata_lock");
    chain = new Chain(dir,
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b, through the gate\n\n-- +upgrade\n"
            + "CREATE TABLE b (id INTEGER);\nINSERT INTO gate (id) VALUES (2);\n\n"
            + "-- +downgrade\nDROP TABLE b;\n",
        "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n\n-- +upgrade\n"
            + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
    apply(server, database, Chain.sql(dir, GATE + ";"));
  }

  @AfterEach
  void tearDown() throws SQLException {
    processes.forEach(Process::destroyForcibly);
    for (Connection c : connections) {
      c.close();
    }
    server.dropDatabase(database);
  }

  @ParameterizedTest
  @EnumSource(TransactionMode.class)
  void aScriptFailsAtOnceWhileAnotherSessionHoldsTheLock(TransactionMode mode) throws Exception {
    Path script = chain.upgrade("base:0001_a", GoldenCases.OPTIONS.withTransactionMode(mode));
    Connection holder = connect();
    long pid = holderPid(holder);
    execute(holder, "SELECT pg_advisory_lock(" + SessionLock.key(Optional.empty(),
        "alembic_version") + ")");
    ProcessResult refused = refused(script);
    assertEquals(List.of(
        "ERROR:  strata: another strata script is running on this database: the advisory lock"
            + " 4896247922164608825 of alembic_version is held by the session with pid " + pid,
        "HINT:  wait until that script has finished, then run this one again",
        "CONTEXT:  PL/pgSQL function inline_code_block line 10 at RAISE"), messages(refused));
    holder.close();
    apply(server, database, script);
    assertEquals(List.of("0001_a"), server.query(database, VERSION_ROWS));
  }

  /**
   * The original report: in {@code --transaction none} mode a second psql running the same
   * script while the first was still in its second segment resumed after segment 1 and ran
   * segment 2 alongside it. Now the second fails at once, and the first completes.
   */
  @Test
  void aSecondPsqlRunningTheSameScriptFailsAtOnceAndChangesNothing() throws Exception {
    Path script = chain.upgrade("base:0003_c",
        GoldenCases.OPTIONS.withTransactionMode(TransactionMode.NONE));
    Connection gate = closeGate();
    Process first = psqlInBackground(script, "first");
    awaitBlockedOnGate();
    assertEquals(List.of("0001_a"), server.query(database, VERSION_ROWS));
    assertEquals(1, server.query(database, PROGRESS_ROWS).size(), "segment 1 recorded");

    ProcessResult second = refused(script);
    assertTrue(messages(second).getFirst().startsWith(
        "ERROR:  strata: another strata script is running on this database: the advisory lock "
            + "4896247922164608825 of alembic_version is held by the session with pid "),
        second.stderr());

    gate.rollback();
    assertEquals(0, finish(first), "the first script completes once the gate opens");
    assertEquals(List.of("0003_c"), server.query(database, VERSION_ROWS));
    assertEquals(List.of("a,alembic_version,b,c,gate"), server.query(database, TABLES));
    assertLockFree();
  }

  /** With a lock wait, a script started while another runs waits for it, then runs. */
  @Test
  void withALockWaitTheSecondScriptWaitsForTheFirst() throws Exception {
    Path first = chain.upgrade("base:0002_b", GoldenCases.OPTIONS);
    Path next = chain.upgrade("0002_b:0003_c",
        GoldenCases.OPTIONS.withLockWait(Optional.of("10min")));
    Connection gate = closeGate();
    Process running = psqlInBackground(first, "first");
    awaitBlockedOnGate();
    Process waiting = psqlInBackground(next, "next");
    await("the second script waits for the advisory lock", () -> query(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            + THIS_DATABASE).equals("1"));
    gate.rollback();
    assertEquals(0, finish(running));
    assertEquals(0, finish(waiting), "the second script ran once the first released the lock");
    assertEquals(List.of("0003_c"), server.query(database, VERSION_ROWS));
    assertLockFree();
  }

  /** A wait that ends before the other script does fails like no wait, and says how long. */
  @Test
  void aLockWaitThatRunsOutFailsAndChangesNothing() throws Exception {
    Path script = chain.upgrade("base:0001_a",
        GoldenCases.OPTIONS.withTimeouts(Optional.of("5s"), Optional.empty())
            .withLockWait(Optional.of("50ms")));
    Connection holder = connect();
    long pid = holderPid(holder);
    execute(holder, "SELECT pg_advisory_lock(4896247922164608825)");
    ProcessResult refused = refused(script);
    assertEquals("ERROR:  strata: another strata script is still running on this database after"
        + " 50ms: the advisory lock 4896247922164608825 of alembic_version is held by the session"
        + " with pid " + pid, messages(refused).getFirst());
  }

  /** Runs {@code script}, which must stop at once: exit 3, nothing printed, nothing changed. */
  private ProcessResult refused(Path script) {
    List<String> tables = server.query(database, TABLES);
    boolean versionTable = query("SELECT to_regclass('alembic_version') IS NOT NULL").equals("t");
    List<String> rows = versionTable ? server.query(database, VERSION_ROWS) : List.of();
    boolean progressTable = query("SELECT to_regclass('strata_progress') IS NOT NULL").equals("t");
    List<String> progress = progressTable ? server.query(database, PROGRESS_ROWS) : List.of();
    ProcessResult result = server.psql(database, script);
    assertEquals(3, result.exitCode(), result.stderr());
    assertEquals("", result.stdout(), "nothing ran: no segment was echoed");
    assertEquals(tables, server.query(database, TABLES));
    assertEquals(rows, versionTable ? server.query(database, VERSION_ROWS) : List.of());
    assertEquals(progress, progressTable ? server.query(database, PROGRESS_ROWS) : List.of());
    return result;
  }

  /** A connection that holds {@code gate} exclusively, in a transaction, until rolled back. */
  private Connection closeGate() throws SQLException {
    Connection gate = connect();
    gate.setAutoCommit(false);
    execute(gate, "LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
    return gate;
  }

  /** Waits until a session waits for the gate's lock: the first script is inside revision 2. */
  private void awaitBlockedOnGate() throws InterruptedException {
    await("the first script reaches the gate", () -> query(
        "SELECT count(*) FROM pg_locks WHERE relation = 'gate'::regclass AND NOT granted")
        .equals("1"));
  }

  private Process psqlInBackground(Path script, String name) throws IOException {
    Map<String, String> env = server.clientEnvironment(database);
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
        script.toString(), env.get("DATABASE_URL"));
    builder.environment().put("PGPASSWORD", env.get("PGPASSWORD"));
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(dir.resolve(name + ".err").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private int finish(Process process) throws Exception {
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "psql did not finish");
    return process.exitValue();
  }

  private void assertLockFree() {
    assertEquals("0", query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + THIS_DATABASE));
  }

  /**
   * The test database's locks only: another client of the same server (a developer's psql, a
   * parallel test run) may hold advisory locks in its own database.
   */
  private static final String THIS_DATABASE =
      " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  /** Polls {@code condition} until it holds; fails after two minutes (a hung test, not a timing). */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      assertFalse(System.nanoTime() > deadline, "never happened: " + what);
      Thread.sleep(20);
    }
  }

  private String query(String sql) {
    return server.query(database, sql).getFirst();
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(server.jdbcUrl(database));
    connections.add(c);
    return c;
  }

  private static long holderPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
