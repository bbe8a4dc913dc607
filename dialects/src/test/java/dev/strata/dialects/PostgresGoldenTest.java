package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import dev.strata.compiler.Step;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden scripts with the real {@code psql} against a real PostgreSQL (the server {@link
 * PostgresServer#require()} finds), each case in a fresh database. A file-driven case must
 * upgrade to exactly the graph's heads, downgrade (when it has {@code postgresql.down.sql}) to an
 * empty version table and no other relation, and upgrade again to the same schema, which must also
 * be the schema that its revisions' statements make when run directly with psql; an executable
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

  /** strata's own tables, left out when a script's schema is compared with a direct run's. */
  private static final List<String> STRATA_TABLES =
      List.of("alembic_version", "strata_progress");

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
      Path notDirect = c.dir().resolve(FileCase.NOT_DIRECT);
      if (!Files.exists(notDirect)) {
        assertEquals(
          directSchema(server, c),
          server.schemaDump(database, STRATA_TABLES),
          "schema made by the script against the schema made by the revisions' statements as"
              + " written, run directly with psql");
      } else {
        assertTrue(
            !Files.readString(notDirect).isBlank(), notDirect + " must say why the case is not run directly");
      }
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

  /**
   * The schema (without strata's tables) made by running each upgrade statement of {@code c}'s
   * revisions as the revision wrote it, in plan order, with psql in autocommit mode, as a person
   * would without strata; {@code -- +dialect postgresql} blocks run as written, others are left
   * out.
   */
  private static String directSchema(PostgresServer server, FileCase c) throws Exception {
    StringBuilder script = new StringBuilder();
    for (Step step : c.upgradePlan().steps()) {
      for (Statement statement : step.body().statements()) {
        switch (statement.operation()) {
          case Operation.RawSql raw when !raw.dialect().equals(Dialect.POSTGRESQL.id()) -> { }
          case Operation.RawSql raw -> script.append(raw.sql()).append("\n;\n");
          default -> script.append(statement.text()).append(";\n");
        }
      }
    }
    Path file = Files.createTempFile("strata-direct-", ".sql");
    String database = server.createDatabase("strata_direct");
    try {
      Files.writeString(file, script.toString());
      check(server.psql(database, file), c.name() + " statements run directly:\n" + script);
      return server.schemaDump(database, STRATA_TABLES);
    } finally {
      server.dropDatabase(database);
      Files.deleteIfExists(file);
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
