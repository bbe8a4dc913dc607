package dev.strata.cli;

import dev.strata.testkit.PostgresServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample chain end to end against a real PostgreSQL with the real {@code psql}: what strata
 * renders applies cleanly, downgrades to an empty schema, re-applies to the same schema, and
 * upgrading in two legs through any revision gives the same schema as one upgrade.
 */
class SampleChainPostgresTest {
  private static PostgresServer server;
  private static String fullSchema;
  @TempDir static Path dir;

  @BeforeAll
  static void upgradeOnce() throws Exception {
    server = PostgresServer.require();
    String db = server.createDatabase("strata_full");
    try {
      apply(db, "upgrade", "base:head");
      fullSchema = server.schemaDump(db);
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void upgradeDowngradeUpgradeRoundTrips() throws Exception {
    String db = server.createDatabase("strata_roundtrip");
    try {
      apply(db, "upgrade", "base:head");
      assertEquals(List.of(head()), server.query(db, "SELECT version_num FROM alembic_version"));

      apply(db, "downgrade", "head:base");
      assertEquals(
          List.of("alembic_version"),
          server.query(db,
              "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                  + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
              .stream().map(t -> t.replace("public.", "")).toList(),
          "only the version table is left after downgrade head:base");
      assertEquals(List.of(), server.query(db, "SELECT version_num FROM alembic_version"));
      assertEquals(
          List.of(),
          server.query(db,
              "SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n"
                  + " ON n.oid = p.pronamespace WHERE n.nspname = 'public'"),
          "no function is left after downgrade head:base");

      apply(db, "upgrade", "base:head");
      assertEquals(fullSchema, server.schemaDump(db));
    } finally {
      server.dropDatabase(db);
    }
  }

  @TestFactory
  Stream<DynamicTest> upgradeInTwoLegsThroughEveryRevision() throws Exception {
    List<Step> steps =
        new Planner(RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())))
            .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head"))
            .steps();
    assertTrue(steps.size() >= 15, "the sample chain has 15 to 25 revisions");
    return steps.stream()
        .map(Step::id)
        .map(id -> DynamicTest.dynamicTest("base:" + id + " then " + id + ":head", () -> {
          String db = server.createDatabase("strata_legs");
          try {
            apply(db, "upgrade", "base:" + id);
            assertEquals(List.of(id), server.query(db, "SELECT version_num FROM alembic_version"));
            apply(db, "upgrade", id + ":head");
            assertEquals(fullSchema, server.schemaDump(db));
          } finally {
            server.dropDatabase(db);
          }
        }));
  }

  private static String head() throws Exception {
    return RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())).heads().get(0);
  }

  /** Renders {@code strata COMMAND RANGE} to a file and applies it with psql; both must succeed. */
  private static void apply(String db, String command, String range) throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, range, "--versions", Cli.sampleVersions().toString(),
        "-o", script.toString());
    assertEquals(0, cli.exitCode(), () -> "strata " + command + " " + range + ":\n" + cli.err());
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(),
        () -> "psql -f (" + command + " " + range + ") failed:\n" + result.stderr());
    // The version table outlives a downgrade to base (as in Alembic 1.19+), so upgrading such a
    // database again meets it: that notice, and only that one, is expected.
    String unexpected = result.stderr().lines()
        .filter(line -> !line.endsWith("NOTICE:  relation \"alembic_version\" already exists, skipping"))
        .reduce("", (a, b) -> a + b + "\n");
    assertEquals("", unexpected,
        () -> "psql printed warnings or errors for " + command + " " + range);
  }
}
