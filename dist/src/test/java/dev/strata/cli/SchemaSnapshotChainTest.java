package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's snapshot test: for base and every prefix X of the sample chain, {@code strata schema
 * X} applied with psql to an empty database gives the same {@code pg_dump --schema-only} as
 * {@code strata upgrade base:X} applied to another (the version table left out of the second).
 */
class SchemaSnapshotChainTest {
  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> schemaDumpsLikeTheUpgradeAtEveryPrefix() throws Exception {
    List<Step> steps =
        new Planner(RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())))
            .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head"))
            .steps();
    Stream<DynamicTest> base = Stream.of(DynamicTest.dynamicTest("base", () -> compare("base")));
    Stream<DynamicTest> prefixes = steps.stream().map(Step::id).map(id ->
        DynamicTest.dynamicTest(id, () -> {
          compare(id);
        }));
    return Stream.concat(base, prefixes);
  }

  /** {@code strata schema X} against {@code strata upgrade base:X} (nothing for base). */
  private static void compare(String target) throws Exception {
    PostgresServer server = PostgresServer.require();
    String snapshot = server.createDatabase("strata_snapshot");
    String upgraded = server.createDatabase("strata_upgraded");
    try {
      apply(server, snapshot, "schema", target);
      if (!target.equals("base")) {
        apply(server, upgraded, "upgrade", "base:" + target);
      }
      assertEquals(server.schemaDump(upgraded, List.of("alembic_version")),
          server.schemaDump(snapshot), "pg_dump after strata schema " + target);
    } finally {
      server.dropDatabase(snapshot);
      server.dropDatabase(upgraded);
    }
  }

  /** Renders {@code strata COMMAND ARG} to a file and applies it with psql; both must succeed. */
  private static void apply(PostgresServer server, String db, String command, String argument)
      throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, argument, "--versions", Cli.sampleVersions().toString(),
        "-o", script.toString());
    assertEquals(0, cli.exitCode(), () -> "strata " + command + " " + argument + ":\n" + cli.err());
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(),
        () -> "psql -f (" + command + " " + argument + ") failed:\n" + result.stderr());
    assertEquals("", result.stderr(), () -> "psql printed warnings for " + command);
  }
}
