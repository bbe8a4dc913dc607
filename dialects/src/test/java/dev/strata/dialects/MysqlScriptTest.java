package dev.strata.dialects;

import static dev.strata.dialects.MysqlChain.VERSION_ROWS;
import static dev.strata.dialects.MysqlChain.apply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The framing of MySQL and MariaDB scripts, run with the real {@code mariadb} client against the
 * MariaDB server: the guard, the row-count check, the lock, a failure at every statement position
 * of a three-revision script followed by the documented recovery (undo the failed segment's
 * statements, then run the command a re-run prints), and the script's fixed settings. The {@code
 * mysql} scripts run on MariaDB too (no MySQL server here): they differ in how they stop (a
 * procedure that signals instead of a prepared {@code SIGNAL}) and in the statement timeout.
 */
class MysqlScriptTest {
  private static final String FAULT = "DO strata_fault()";

  @TempDir Path dir;
  private final List<TestDatabase> databases = new ArrayList<>();

  @AfterEach
  void tearDown() {
    databases.forEach(TestDatabase::close);
  }

  /** A fresh database for {@code dialect}'s scripts (the MariaDB server for both dialects here). */
  private TestDatabase database(Dialect dialect) {
    TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_script");
    databases.add(database);
    return database;
  }

  /** Three revisions, each changing its own tables only: undoing one is dropping its tables. */
  private MysqlChain chain(Dialect dialect) throws Exception {
    return new MysqlChain(dir.resolve(dialect.id()), dialect,
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER PRIMARY KEY, v INTEGER);\n"
            + "CREATE INDEX ix_a_v ON a (v);\n"
            + "-- +downgrade\nDROP INDEX ix_a_v;\nDROP TABLE a;\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "CREATE TABLE b (id INTEGER PRIMARY KEY);\n"
            + "ALTER TABLE b ADD COLUMN w INTEGER;\n"
            + "CREATE TABLE b2 (id INTEGER);\n"
            + "-- +downgrade\nDROP TABLE b2;\nALTER TABLE b DROP COLUMN w;\nDROP TABLE b;\n",
        "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n\n-- +upgrade\n"
            + "CREATE TABLE c (id INTEGER);\n"
            + "CREATE UNIQUE INDEX ux_c_id ON c (id);\n"
            + "-- +downgrade\nDROP INDEX ux_c_id;\nDROP TABLE c;\n");
  }

  /** The tables each revision creates, which undoing a failed segment drops. */
  private static final Map<String, List<String>> TABLES = Map.of(
      "0001_a", List.of("a"), "0002_b", List.of("b2", "b"), "0003_c", List.of("c"));

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void upgradeThenDowngradeLeavesOnlyTheVersionTable(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    TestDatabase database = database(dialect);
    ClientRun up = apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
    assertEquals("", up.stdout() + up.stderr());
    assertEquals(List.of("0003_c"), database.query(VERSION_ROWS));
    apply(database, chain.downgrade("head:base", GoldenCases.OPTIONS));
    assertEquals(List.of(), database.query(VERSION_ROWS));
    assertEquals(List.of("alembic_version"), tables(database));
    assertEquals(List.of(), routines(database), "the abort procedure is dropped");
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void theGuardStopsBeforeAnyChangeWhenTheVersionTableHoldsOtherRows(Dialect dialect)
      throws Exception {
    MysqlChain chain = chain(dialect);
    TestDatabase database = database(dialect);
    apply(database, MysqlChain.sql(dir, "CREATE TABLE alembic_version (version_num"
        + " VARCHAR(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('0001_A');"));
    String schema = database.schema();
    ClientRun result = database.apply(chain.upgrade("base:head", GoldenCases.OPTIONS));
    assertEquals(1, result.exitCode());
    assertEquals(List.of("ERROR 1644 (45000): strata: alembic_version holds [0001_A] but this"
        + " script starts from [base]"), MysqlChain.errors(result));
    assertEquals(schema, database.schema());
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void theGuardComparesRevisionIdsAsBytes(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    TestDatabase database = database(dialect);
    apply(database, chain.upgrade("base:0001_a", GoldenCases.OPTIONS));
    apply(database, MysqlChain.sql(dir,
        "UPDATE alembic_version SET version_num = '0001_A';"));
    ClientRun result = database.apply(chain.upgrade("0001_a:head", GoldenCases.OPTIONS));
    assertEquals(List.of("ERROR 1644 (45000): strata: alembic_version holds [0001_A] but this"
        + " script starts from [0001_a]"), MysqlChain.errors(result));
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aVersionTableUpdateThatChangesNoRowStops(Dialect dialect) throws Exception {
    MysqlChain chain = new MysqlChain(dir, dialect,
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: empties the version table\n\n"
            + "-- +upgrade\nCREATE TABLE b (id INTEGER);\n"
            + "-- +dialect " + dialect.id() + "\nDELETE FROM alembic_version\n-- +end\n");
    TestDatabase database = database(dialect);
    apply(database, chain.upgrade("base:0001_a", GoldenCases.OPTIONS));
    ClientRun result = database.apply(chain.upgrade("0001_a:0002_b", GoldenCases.OPTIONS));
    assertEquals(1, result.exitCode());
    assertEquals(List.of("ERROR 1644 (45000): strata: version-table update 0001_a -> 0002_b changed"
        + " 0 rows of alembic_version, expected 1"), MysqlChain.errors(result));
    assertEquals(List.of("a", "alembic_version", "b"), tables(database));
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aSecondScriptFailsAtOnceWhileAnotherSessionHoldsTheLock(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    TestDatabase database = database(dialect);
    try (Holder holder = new Holder(database)) {
      ClientRun result = database.apply(chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(1, result.exitCode());
      String message = "strata: another strata script is running on this database: connection "
          + holder.connection + " holds the lock strata:" + database.name() + ".alembic_version";
      assertEquals(List.of("ERROR 1644 (45000): " + (dialect == Dialect.MYSQL
          ? message.substring(0, Math.min(128, message.length())) : message)),
          MysqlChain.errors(result));
    }
    assertEquals(List.of(), tables(database));
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void withALockWaitTheScriptWaitsThenFails(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    TestDatabase database = database(dialect);
    try (Holder holder = new Holder(database)) {
      long start = System.nanoTime();
      ClientRun result = database.apply(chain.upgrade("base:head",
          GoldenCases.OPTIONS.withLockWait(Optional.of("2s"))));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= 1900, "waited " + waited + " ms");
      String message = "strata: another strata script is still running on this database after"
          + " 2s: connection " + holder.connection + " holds the lock strata:" + database.name()
          + ".alembic_version";
      assertEquals(List.of("ERROR 1644 (45000): " + (dialect == Dialect.MYSQL
          ? message.substring(0, Math.min(128, message.length())) : message)),
          MysqlChain.errors(result));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aScriptWithoutADatabaseStopsFirst(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    Path script = chain.upgrade("base:head", GoldenCases.OPTIONS);
    TestDatabase database = database(dialect);
    List<String> noDatabase = database.clientCommand().stream()
        .filter(word -> !word.startsWith("--database=")).toList();
    ClientRun result = shell(database, String.join(" ", noDatabase.stream()
        .map(MysqlScriptTest::quoted).toList()) + " < \"$1\"", script);
    assertEquals(1, result.exitCode());
    String expected = dialect == Dialect.MARIADB
        ? "ERROR 1644 (45000): strata: no database is selected: name it on the mariadb command"
            + " line"
        // the procedure cannot be created without a database: MySQL's script stops there
        : "ERROR 1046 (3D000): No database selected";
    assertEquals(List.of(expected), MysqlChain.errors(result));
  }

  /**
   * A fault before each statement of the body (each revision statement and each version-table
   * change) stops the client there; the version table names the last revision that ran to its
   * end; the recovery the script documents (drop what the failed segment made, re-run: the guard
   * prints the command that runs the rest, which runs only the segments that did not complete)
   * ends where a clean run ends.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aFailureAtEveryStatementIsRecoveredAsDocumented(Dialect dialect) throws Exception {
    MysqlChain chain = chain(dialect);
    Path clean = chain.upgrade("base:head", GoldenCases.OPTIONS);
    TestDatabase reference = database(dialect);
    apply(reference, clean);
    String expected = reference.schema();
    List<String> text = Files.readAllLines(clean, StandardCharsets.UTF_8);
    List<Integer> positions = statementLines(text);
    assertEquals(10, positions.size(), "7 revision statements and 3 version-table changes");
    for (int position : positions) {
      int segment = segmentAt(text, position);
      String revision = List.of("0001_a", "0002_b", "0003_c").get(segment - 1);
      List<String> faulty = new ArrayList<>(text);
      faulty.add(position, FAULT + ";");
      Path faultyScript = Files.write(dir.resolve("faulty-" + position + ".sql"), faulty);
      TestDatabase database = database(dialect);

      ClientRun failed = database.apply(faultyScript);
      assertEquals(1, failed.exitCode(), "fault at line " + position);
      assertEquals(List.of("ERROR 1305 (42000): FUNCTION " + database.name()
          + ".strata_fault does not exist"), MysqlChain.errors(failed));
      List<String> before = segment == 1 ? List.of() : List.of(
          List.of("0001_a", "0002_b").get(segment - 2));
      assertEquals(before, database.query(VERSION_ROWS), "fault at line " + position);

      // undo what the failed segment did
      apply(database, MysqlChain.sql(dir, TABLES.get(revision).stream()
          .map(t -> "DROP TABLE IF EXISTS " + t + ";").reduce("", String::concat)));

      ClientRun rerun = database.apply(clean);
      if (segment == 1) {
        assertEquals(0, rerun.exitCode(), rerun.stderr());
      } else {
        assertEquals(1, rerun.exitCode());
        assertEquals(List.of("ERROR 1644 (45000): strata: alembic_version holds " + before
                + ", the rows after segment " + (segment - 1) + " of 3: run the rest as printed"),
            MysqlChain.errors(rerun));
        String command = rerun.stdout().lines().filter(l -> l.startsWith("strata: "))
            .findFirst().orElseThrow()
            .replaceFirst(".*run the rest with: ", "")
            .replace("<this file>", "\"$1\"")
            .replace(dialect.client() + " <database>", client(database));
        assertTrue(command.startsWith("sed -n '1,/^-- strata: guard$/p;/^-- strata: segment "
            + segment + " of 3:/,$p' \"$1\" | 'mariadb'"), command);
        ClientRun rest = shell(database, command, clean);
        assertEquals(0, rest.exitCode(), rest.stderr());
      }
      assertEquals(List.of("0003_c"), database.query(VERSION_ROWS));
      assertEquals(expected, database.schema(), "fault at line " + position);
      database.close();
    }
  }

  /** The segment (from 1) whose marker precedes line {@code index}. */
  private static int segmentAt(List<String> text, int index) {
    int segment = 0;
    for (int i = 0; i < index; i++) {
      if (text.get(i).startsWith("-- strata: segment ")) {
        segment = Integer.parseInt(
            text.get(i).replaceFirst("-- strata: segment ([0-9]+) .*", "$1"));
      }
    }
    return segment;
  }

  /**
   * The line of each statement of the body after the first banner: the revisions' statements and
   * the version-table changes, not the framing's checks.
   */
  private static List<Integer> statementLines(List<String> text) {
    List<Integer> out = new ArrayList<>();
    boolean body = false;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      body |= line.startsWith("-- Running upgrade");
      boolean start = i == 0 || text.get(i - 1).isEmpty();
      if (body && start && (line.startsWith("CREATE ") || line.startsWith("ALTER ")
          || line.startsWith("INSERT INTO alembic_version") || line.startsWith("UPDATE alembic"))) {
        out.add(i);
      }
    }
    return out;
  }

  /** The client command line of {@code database}, for a shell. */
  private static String client(TestDatabase database) {
    return String.join(" ", database.clientCommand().stream().map(MysqlScriptTest::quoted)
        .toList());
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Runs {@code command} with {@code sh -c}, {@code $1} being {@code script}. */
  private static ClientRun shell(TestDatabase database, String command, Path script) {
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of("sh", "-c", command, "sh", script.toString()), database.clientEnvironment());
    return new ClientRun(result.exitCode(), result.stdout(), result.stderr());
  }

  private static List<String> tables(TestDatabase database) {
    return database.query("SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = DATABASE() ORDER BY table_name");
  }

  private static List<String> routines(TestDatabase database) {
    return database.query("SELECT routine_name FROM information_schema.routines"
        + " WHERE routine_schema = DATABASE()");
  }

  /** Another session that holds the lock of {@code database}'s version table until closed. */
  private final class Holder implements AutoCloseable {
    private final Process process;
    final String connection;

    private final TestDatabase database;

    Holder(TestDatabase database) throws Exception {
      this.database = database;
      List<String> command = new ArrayList<>(database.clientCommand());
      command.addAll(List.of("--unbuffered", "--skip-column-names", "-e",
          "SELECT CONNECTION_ID(), GET_LOCK('strata:" + database.name() + ".alembic_version', 0);"
              + " SELECT SLEEP(60)"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(database.clientEnvironment());
      process = builder.start();
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(line != null && line.endsWith("\t1"), "the holder took the lock: " + line);
      connection = line.split("\t")[0];
    }

    @Override
    public void close() throws Exception {
      database.execute("KILL " + connection);
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }
}
