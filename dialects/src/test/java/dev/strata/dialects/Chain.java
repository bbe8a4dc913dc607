package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A versions directory written by a test, and the scripts rendered from it into the same
 * temporary folder, to run with the real {@code psql}.
 */
final class Chain {
  static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY version_num";
  static final String PROGRESS_ROWS =
      "SELECT run_id || ':' || segment FROM strata_progress ORDER BY segment";
  static final String PROGRESS_TABLE = "SELECT coalesce(to_regclass('strata_progress')::text, '-')";

  private final Path dir;
  private final Path versions;
  private int scripts;

  /** Writes {@code revisions} (each a whole revision file) as {@code versions/NNNN.sql}. */
  Chain(Path dir, String... revisions) throws IOException {
    this.dir = dir;
    this.versions = Files.createDirectories(dir.resolve("versions"));
    for (int i = 0; i < revisions.length; i++) {
      Files.writeString(
          versions.resolve(String.format("%04d.sql", i + 1)), revisions[i], StandardCharsets.UTF_8);
    }
  }

  Plan plan(Direction direction, String range) throws Exception {
    return new Planner(RevisionGraph.build(VersionsLoader.load(versions)))
        .plan(direction, Range.parse(direction, range));
  }

  RenderedScript render(Direction direction, String range, ScriptOptions options)
      throws Exception {
    return Renderer.forDialect(Dialect.POSTGRESQL).renderScript(plan(direction, range), options);
  }

  /** The script for {@code range} in {@code dialect}, rendered from a replay of the chain. */
  RenderedScript render(Dialect dialect, Direction direction, String range,
      ScriptOptions options) throws Exception {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    return Renderer.forDialect(dialect).renderScript(
        new Planner(graph).plan(direction, Range.parse(direction, range)), options,
        dev.strata.compiler.schema.Replay.of(graph, dialect.dialectId()));
  }

  /** {@link #render(Dialect, Direction, String, ScriptOptions)}, written to a file of its own. */
  Path script(Dialect dialect, Direction direction, String range, ScriptOptions options)
      throws Exception {
    Path file = dir.resolve("script-" + (++scripts) + ".sql");
    Files.writeString(file, render(dialect, direction, range, options).text(),
        StandardCharsets.UTF_8);
    return file;
  }

  /** The script for {@code range}, written to a file of its own. */
  Path script(Direction direction, String range, ScriptOptions options) throws Exception {
    Path file = dir.resolve("script-" + (++scripts) + ".sql");
    Files.writeString(file, render(direction, range, options).text(), StandardCharsets.UTF_8);
    return file;
  }

  Path upgrade(String range, ScriptOptions options) throws Exception {
    return script(Direction.UPGRADE, range, options);
  }

  /** A script file of {@code sql}, for the fixes a DBA makes between two runs. */
  static Path sql(Path dir, String sql) throws IOException {
    return Files.writeString(
        Files.createTempFile(dir, "dba-", ".sql"), sql + "\n", StandardCharsets.UTF_8);
  }

  /** Runs {@code script} and fails the test when psql does not exit 0. */
  static ProcessResult apply(PostgresServer server, String database, Path script) {
    ProcessResult result = server.psql(database, script);
    assertEquals(0, result.exitCode(), script + " failed:\n" + result.stderr() + result.stdout());
    return result;
  }

  /**
   * The server's messages in psql's stderr, without psql's {@code psql:FILE:LINE: } prefix: lines
   * such as {@code ERROR:  ...}, {@code NOTICE:  ...}, {@code DETAIL:  ...}, {@code CONTEXT:  ...}.
   */
  static List<String> messages(ProcessResult result) {
    return result.stderr().lines()
        .map(line -> line.replaceFirst("^psql:[^:]+:[0-9]+: ", ""))
        .toList();
  }
}
