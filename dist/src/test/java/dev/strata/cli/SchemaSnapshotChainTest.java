package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
    Stream<DynamicTest> base = Stream.of(DynamicTest.dynamicTest("base", () -> compare(Cli.sampleVersions(), "base")));
    Stream<DynamicTest> prefixes = steps.stream().map(Step::id).map(id ->
        DynamicTest.dynamicTest(id, () -> {
          compare(Cli.sampleVersions(), id);
        }));
    return Stream.concat(base, prefixes);
  }

  /**
   * An index of a materialized view comes after the view in {@code strata schema} (it came
   * before: psql stopped at "relation mv does not exist"), an index of a table after the table.
   */
  @Test
  void anIndexOfAMaterializedViewFollowsTheView() throws Exception {
    Path versions = Files.createDirectories(dir.resolve("matview/versions"));
    Files.writeString(versions.resolve("0001_t.sql"), """
        -- revision: 0001_t
        -- revises: base
        -- message: t

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);
        CREATE MATERIALIZED VIEW mv AS SELECT n, count(*) AS c FROM t GROUP BY n;
        CREATE UNIQUE INDEX ux_mv ON mv (n);
        CREATE INDEX ix_t_n ON t (n);
        CREATE VIEW v AS SELECT n FROM mv;

        -- +downgrade
        DROP VIEW v;
        DROP MATERIALIZED VIEW mv;
        DROP TABLE t;
        """, StandardCharsets.UTF_8);
    compare(versions, "head");
  }

  /**
   * A default that is an enum label follows RENAME VALUE, as PostgreSQL's does (the model kept
   * 'sad' and strata schema wrote it, which the type no longer has).
   */
  @Test
  void aDefaultLabelFollowsItsRenamedValue() throws Exception {
    Path versions = Files.createDirectories(dir.resolve("enumdefault/versions"));
    Files.writeString(versions.resolve("0001_t.sql"), """
        -- revision: 0001_t
        -- revises: base
        -- message: t

        -- +upgrade
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE TABLE t (id BIGINT PRIMARY KEY, m mood NOT NULL DEFAULT 'sad',
            n mood DEFAULT 'sad'::mood, o mood DEFAULT 'happy');

        -- +downgrade
        DROP TABLE t;
        DROP TYPE mood;
        """, StandardCharsets.UTF_8);
    Files.writeString(versions.resolve("0002_blue.sql"), """
        -- revision: 0002_blue
        -- revises: 0001_t
        -- message: blue

        -- +upgrade
        ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';

        -- +downgrade
        ALTER TYPE mood RENAME VALUE 'blue' TO 'sad';
        """, StandardCharsets.UTF_8);
    compare(versions, "head");
  }

  /** {@code strata schema X} against {@code strata upgrade base:X} (nothing for base). */
  private static void compare(Path versions, String target) throws Exception {
    PostgresServer server = PostgresServer.require();
    String snapshot = server.createDatabase("strata_snapshot");
    String upgraded = server.createDatabase("strata_upgraded");
    try {
      apply(server, versions, snapshot, "schema", target);
      if (!target.equals("base")) {
        apply(server, versions, upgraded, "upgrade", "base:" + target);
      }
      assertEquals(server.schemaDump(upgraded, List.of("alembic_version")),
          server.schemaDump(snapshot), "pg_dump after strata schema " + target);
    } finally {
      server.dropDatabase(snapshot);
      server.dropDatabase(upgraded);
    }
  }

  /** Renders {@code strata COMMAND ARG} to a file and applies it with psql; both must succeed. */
  private static void apply(PostgresServer server, Path versions, String db, String command,
      String argument) throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, argument, "--versions", versions.toString(),
        "-o", script.toString());
    assertEquals(0, cli.exitCode(), () -> "strata " + command + " " + argument + ":\n" + cli.err());
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(),
        () -> "psql -f (" + command + " " + argument + ") failed:\n" + result.stderr());
    assertEquals("", result.stderr(), () -> "psql printed warnings for " + command);
  }
}
