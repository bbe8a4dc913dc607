package dev.strata.dialects;

import static dev.strata.dialects.Chain.PROGRESS_ROWS;
import static dev.strata.dialects.Chain.PROGRESS_TABLE;
import static dev.strata.dialects.Chain.VERSION_ROWS;
import static dev.strata.dialects.Chain.apply;
import static dev.strata.dialects.Chain.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.ast.Direction;
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
 * Resuming a script cut into segments after a failure in a segment that runs outside a
 * transaction ({@code CREATE UNIQUE INDEX CONCURRENTLY} on duplicate data), with the real {@code
 * psql}; and the row-count check of a version-table change.
 */
class ResumeTest {
  private static final String DEDUPLICATE =
      "DELETE FROM t a USING t b WHERE a.email = b.email AND a.id > b.id;\n"
          + "DROP INDEX CONCURRENTLY IF EXISTS ux_t_email;";

  private static final String INDEX =
      "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = 'ux_t_email'";

  @TempDir Path dir;
  private PostgresServer server;
  private final List<String> databases = new ArrayList<>();
  private Chain chain;

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresServer.require();
    chain = new Chain(dir,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT);\n"
            + "INSERT INTO t (id, email) VALUES (1, 'a'), (2, 'b'), (3, 'a');\n",
        "-- revision: 0002_unique\n-- revises: 0001_t\n-- message: unique emails\n\n-- +upgrade\n"
            + "ALTER TABLE t ADD COLUMN note TEXT;\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY ux_t_email ON t (email);\n",
        "-- revision: 0003_z\n-- revises: 0002_unique\n-- message: z\n\n-- +upgrade\n"
            + "CREATE TABLE z (id INTEGER);\n");
  }

  @AfterEach
  void tearDown() {
    databases.forEach(server::dropDatabase);
  }

  private String database() {
    String database = server.createDatabase("strata_resume");
    databases.add(database);
    return database;
  }

  private String runId() throws Exception {
    return Progress.runId(
        chain.plan(Direction.UPGRADE, "base:head"), GoldenCases.OPTIONS, "alembic_version");
  }

  @Test
  void theScriptHasThreeSegmentsAroundTheConcurrentIndex() throws Exception {
    RenderedScript script = chain.render(Direction.UPGRADE, "base:head", GoldenCases.OPTIONS);
    assertEquals(
        List.of(
            new RenderedScript.Segment(1, true, List.of("0001_t", "0002_unique"),
                List.of("CREATE TABLE IF NOT EXISTS alembic_version (",
                    "CREATE TABLE t (",
                    "INSERT INTO t (id, email) VALUES (1, 'a'), (2, 'b'), (3, 'a')",
                    "INSERT INTO alembic_version (version_num) VALUES ('0001_t')",
                    "ALTER TABLE t ADD note text"),
                List.of("0001_t")),
            new RenderedScript.Segment(2, false, List.of("0002_unique"),
                List.of("CREATE UNIQUE INDEX CONCURRENTLY ux_t_email ON t (email)"),
                List.of("0001_t")),
            new RenderedScript.Segment(3, true, List.of("0002_unique", "0003_z"),
                List.of("UPDATE alembic_version SET version_num = '0002_unique'"
                        + " WHERE alembic_version.version_num = '0001_t'",
                    "CREATE TABLE z (",
                    "UPDATE alembic_version SET version_num = '0003_z'"
                        + " WHERE alembic_version.version_num = '0002_unique'"),
                List.of("0003_z"))),
        script.segments());
  }

  @Test
  void aRerunAfterAFailedConcurrentIndexResumesAtItsSegment() throws Exception {
    Path script = chain.upgrade("base:head", GoldenCases.OPTIONS);
    String database = database();

    ProcessResult failed = server.psql(database, script);
    assertEquals(3, failed.exitCode(), failed.stderr());
    assertEquals("strata: segment 1 of 3\nstrata: segment 2 of 3\n", failed.stdout());
    assertEquals(
        List.of("ERROR:  could not create unique index \"ux_t_email\"",
            "DETAIL:  Key (email)=(a) is duplicated."),
        messages(failed));
    assertEquals(List.of("0001_t"), server.query(database, VERSION_ROWS));
    assertEquals(List.of(runId() + ":1"), server.query(database, PROGRESS_ROWS));
    assertEquals(List.of("ux_t_email|f"), server.query(database, INDEX), "left INVALID");

    apply(server, database, Chain.sql(dir, DEDUPLICATE));
    ProcessResult resumed = apply(server, database, script);
    assertEquals(
        "strata: segment 1 of 3 already done, skipped\n"
            + "strata: segment 2 of 3\n"
            + "strata: segment 3 of 3\n",
        resumed.stdout());
    assertEquals(List.of("NOTICE:  strata: resuming after segment 1 of 3"), messages(resumed));
    assertEquals(List.of("0003_z"), server.query(database, VERSION_ROWS));
    assertEquals(List.of("-"), server.query(database, PROGRESS_TABLE), "progress table dropped");
    assertEquals(List.of("1|a", "2|b"), server.query(database, "SELECT id, email FROM t ORDER BY id"));
    assertEquals(List.of("ux_t_email|t"), server.query(database, INDEX), "built and valid");
    assertEquals(List.of("z"), server.query(database, "SELECT tablename FROM pg_tables WHERE tablename = 'z'"));

    ProcessResult third = server.psql(database, script);
    assertEquals(3, third.exitCode());
    assertEquals(
        List.of("ERROR:  strata: alembic_version holds [0003_z] but this script starts from [base]",
            "CONTEXT:  PL/pgSQL function inline_code_block line 25 at RAISE"),
        messages(third));
  }

  @Test
  void aResumedRunChecksTheRowsAfterTheRecordedSegments() throws Exception {
    Path script = chain.upgrade("base:head", GoldenCases.OPTIONS);
    String database = database();
    assertEquals(3, server.psql(database, script).exitCode());
    apply(server, database, Chain.sql(dir, DEDUPLICATE
        + "\nUPDATE alembic_version SET version_num = '0002_unique';"));
    String schema = server.schemaDump(database);

    ProcessResult refused = server.psql(database, script);
    assertEquals(3, refused.exitCode());
    assertEquals("", refused.stdout());
    assertEquals(
        List.of("ERROR:  strata: alembic_version holds [0002_unique] but this script, resuming"
                + " after segment 1 of 3, expects [0001_t]",
            "CONTEXT:  PL/pgSQL function inline_code_block line 28 at RAISE"),
        messages(refused));
    assertEquals(schema, server.schemaDump(database));
    assertEquals(List.of(runId() + ":1"), server.query(database, PROGRESS_ROWS));
  }

  @Test
  void progressBeyondTheScriptsLastSegmentIsRefused() throws Exception {
    Path script = chain.upgrade("base:head", GoldenCases.OPTIONS);
    String database = database();
    assertEquals(3, server.psql(database, script).exitCode());
    apply(server, database, Chain.sql(dir,
        "INSERT INTO strata_progress (run_id, segment) VALUES ('" + runId() + "', 3);"));
    ProcessResult refused = server.psql(database, script);
    assertEquals(3, refused.exitCode());
    assertEquals(
        List.of("ERROR:  strata: strata_progress records 3 of 3 segments done for run " + runId(),
            "CONTEXT:  PL/pgSQL function inline_code_block line 12 at RAISE"),
        messages(refused));
  }

  @Test
  void aVersionTableUpdateThatChangesNoRowAbortsAndTheTransactionRollsBack() throws Exception {
    Chain tampering = new Chain(dir.resolve("tampering"),
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n",
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: empties the version table\n\n"
            + "-- +upgrade\nCREATE TABLE b (id INTEGER);\nDELETE FROM alembic_version;\n");
    String database = database();
    apply(server, database, tampering.upgrade("base:0001_a", GoldenCases.OPTIONS));
    String schema = server.schemaDump(database);
    ProcessResult result = server.psql(database, tampering.upgrade("0001_a:0002_b", GoldenCases.OPTIONS));
    assertEquals(3, result.exitCode());
    assertEquals(
        List.of("ERROR:  strata: version-table update 0001_a -> 0002_b changed 0 rows of"
                + " alembic_version, expected 1",
            "CONTEXT:  PL/pgSQL function inline_code_block line 8 at RAISE"),
        messages(result));
    assertEquals(List.of("0001_a"), server.query(database, VERSION_ROWS));
    assertEquals(schema, server.schemaDump(database));
  }

  @Test
  void aVersionTableDeleteThatChangesNoRowAborts() throws Exception {
    String database = database();
    apply(server, database, Chain.sql(dir,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
            + " INSERT INTO alembic_version VALUES ('0002_b');"));
    Guard guard = new Guard("alembic_version");
    VersionTable table =
        new VersionTable(SqlContext.forDialect(Dialect.POSTGRESQL), GoldenCases.OPTIONS);
    VersionTableOp delete = new VersionTableOp.DeleteHead("0003_c");
    ProcessResult result =
        server.psql(database, "-c", guard.exactlyOneRow(table.render(delete), delete));
    assertEquals(1, result.exitCode());
    assertEquals(
        List.of("ERROR:  strata: version-table delete of 0003_c changed 0 rows of alembic_version,"
                + " expected 1",
            "CONTEXT:  PL/pgSQL function inline_code_block line 8 at RAISE"),
        messages(result));
    assertEquals(List.of("0002_b"), server.query(database, VERSION_ROWS));
  }
}
