package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden scripts with the real {@code psql} against a real PostgreSQL (the server {@link
 * PostgresServer#require()} finds), each case in a fresh database. A file-driven case must
 * upgrade to exactly the graph's heads, downgrade (when it has {@code postgresql.down.sql}) to an
 * empty version table and no other relation, and upgrade again to the same schema; an executable
 * Java case must upgrade to its plan's heads.
 */
class PostgresGoldenTest {
  private static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY version_num";

  /** Relations outside the system schemas other than the version table and its key's index. */
  private static final String LEFTOVER_RELATIONS =
      "SELECT n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')'"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
          + " AND NOT (n.nspname = 'public'"
          + " AND c.relname IN ('alembic_version', 'alembic_version_pkc'))"
          + " ORDER BY 1";

  @TestFactory
  Stream<DynamicTest> fileCasesUpgradeDowngradeAndUpgradeAgain() throws Exception {
    return GoldenTest.fileCases().stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  @TestFactory
  Stream<DynamicTest> javaCasesRunOnPostgres() throws Exception {
    return GoldenCases.all().stream()
        .filter(GoldenCase::executable)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(FileCase c) throws Exception {
    List<String> heads = c.graph().realHeads().stream().sorted().toList();
    PostgresServer server = PostgresServer.require();
    String database = server.createDatabase("strata_golden");
    try {
      check(server.psql(database, c.upgradeGolden()), c.upgradeGolden().toString());
      assertEquals(heads, server.query(database, VERSION_ROWS), "version table after upgrade");
      String schema = server.schemaDump(database);
      if (!Files.exists(c.downgradeGolden())) {
        return;
      }
      check(server.psql(database, c.downgradeGolden()), c.downgradeGolden().toString());
      assertEquals(
          List.of(), server.query(database, VERSION_ROWS), "version table after downgrade");
      assertEquals(
          List.of(), server.query(database, LEFTOVER_RELATIONS), "relations left by the downgrade");
      check(server.psql(database, c.upgradeGolden()), c.upgradeGolden() + " after the downgrade");
      assertEquals(heads, server.query(database, VERSION_ROWS), "version table after re-upgrade");
      assertEquals(schema, server.schemaDump(database), "schema after downgrade and upgrade");
    } finally {
      server.dropDatabase(database);
    }
  }

  private static void run(GoldenCase c) {
    PostgresServer server = PostgresServer.require();
    String database = server.createDatabase("strata_golden");
    try {
      if (!c.prelude().isEmpty()) {
        check(server.psql(database, "-c", c.prelude()), "prelude");
      }
      check(server.psql(database, c.golden()), c.name());
      List<String> heads =
          server.query(
              database,
              "SELECT version_num FROM "
                  + new VersionTable(SqlContext.forDialect(Dialect.POSTGRESQL), c.options())
                      .displayName()
                  + " ORDER BY version_num");
      assertEquals(c.plan().toHeads().stream().sorted().toList(), heads, "version table rows");
    } finally {
      server.dropDatabase(database);
    }
  }

  private static void check(ProcessResult result, String what) {
    if (result.exitCode() != 0) {
      fail(what + ": psql exited " + result.exitCode() + "\n" + result.stderr() + result.stdout());
    }
  }
}
