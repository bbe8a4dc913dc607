package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every executable golden script with the real {@code psql} against a real PostgreSQL (the
 * server {@link PostgresServer#require()} finds), each in a fresh database, and checks that psql
 * exits 0 and that the version table then holds exactly the plan's target heads.
 */
class PostgresGoldenTest {

  @TestFactory
  Stream<DynamicTest> goldenScriptsRunOnPostgres() {
    Map<String, GoldenCase> byName =
        GoldenCases.all().stream().collect(Collectors.toMap(GoldenCase::name, Function.identity()));
    return GoldenCases.all().stream()
        .filter(GoldenCase::executable)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c, byName)));
  }

  private static void run(GoldenCase c, Map<String, GoldenCase> byName) {
    PostgresServer server = PostgresServer.require();
    String database = server.createDatabase("strata_golden");
    try {
      if (!c.prelude().isEmpty()) {
        check(server.psql(database, "-c", c.prelude()), "prelude");
      }
      for (String setup : c.setupCases()) {
        check(server.psql(database, GoldenTest.goldenFile(byName.get(setup).name())), setup);
      }
      check(server.psql(database, GoldenTest.goldenFile(c.name())), c.name());
      List<String> heads = server.query(database,
          "SELECT version_num FROM "
              + new VersionTable(SqlContext.forDialect(Dialect.POSTGRESQL), c.options()).displayName()
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
