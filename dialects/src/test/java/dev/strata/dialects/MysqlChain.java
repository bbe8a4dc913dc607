package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A versions directory written by a test, and the scripts rendered from it for MySQL or MariaDB
 * (from the schema model, as the CLI renders them) into the same temporary folder, to run with the
 * real {@code mariadb} client.
 */
final class MysqlChain {
  static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY CAST(version_num AS BINARY)";

  private final Path dir;
  private final Path versions;
  private final Dialect dialect;
  private int scripts;

  /** Writes {@code revisions} (each a whole revision file) as {@code versions/NNNN.sql}. */
  MysqlChain(Path dir, Dialect dialect, String... revisions) throws IOException {
    this.dir = dir;
    this.dialect = dialect;
    this.versions = Files.createDirectories(dir.resolve("versions"));
    for (int i = 0; i < revisions.length; i++) {
      Files.writeString(
          versions.resolve(String.format("%04d.sql", i + 1)), revisions[i], StandardCharsets.UTF_8);
    }
  }

  private RevisionGraph graph() throws Exception {
    return RevisionGraph.build(VersionsLoader.load(versions));
  }

  Plan plan(Direction direction, String range) throws Exception {
    return new Planner(graph()).plan(direction, Range.parse(direction, range));
  }

  RenderedScript render(Direction direction, String range, ScriptOptions options)
      throws Exception {
    RevisionGraph graph = graph();
    Plan plan = new Planner(graph).plan(direction, Range.parse(direction, range));
    return Renderer.forDialect(dialect).renderScript(plan, options,
        Replay.of(graph, dialect.dialectId()));
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

  Path downgrade(String range, ScriptOptions options) throws Exception {
    return script(Direction.DOWNGRADE, range, options);
  }

  /** A script file of {@code sql}, for the fixes a DBA makes between two runs. */
  static Path sql(Path dir, String sql) throws IOException {
    return Files.writeString(
        Files.createTempFile(dir, "dba-", ".sql"), sql + "\n", StandardCharsets.UTF_8);
  }

  /** Runs {@code script} with the real client and fails the test when it does not exit 0. */
  static ClientRun apply(TestDatabase database, Path script) {
    ClientRun result = database.apply(script);
    assertEquals(0, result.exitCode(), script + " failed:\n" + result.describe());
    return result;
  }

  /**
   * The client's errors on standard error, without the statement it echoes before one ({@code
   * --print-query-on-error}, on by default in batch mode) and without {@code at line N}: e.g.
   * {@code ERROR 1644 (45000): strata: ...}.
   */
  static List<String> errors(ClientRun result) {
    return result.stderr().lines()
        .filter(line -> line.startsWith("ERROR "))
        .map(line -> line.replaceFirst(" at line [0-9]+: ", ": "))
        .toList();
  }
}
