package dev.strata.alembic.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The proof of one translation: a one-revision Alembic project (the stock offline
 * {@code env.py}) run by the real Alembic ({@code python3 -m alembic upgrade head --sql}, then
 * {@code downgrade head:base --sql}) against one scratch database, and the translated revision
 * compiled by strata against another: after the upgrade and after the downgrade both have the
 * same {@code pg_dump --schema-only} and the same {@code alembic_version} rows.
 */
final class Parity {
  static final String PYTHON = System.getenv().getOrDefault("STRATA_TEST_PYTHON",
      "/usr/bin/python3");

  private static final String ENV_PY = """
      from alembic import context

      context.configure(
          url=context.config.get_main_option("sqlalchemy.url"),
          target_metadata=None,
          literal_binds=True,
          dialect_opts={"paramstyle": "named"},
      )

      with context.begin_transaction():
          context.run_migrations()
      """;

  private static final String INI = """
      [alembic]
      script_location = %(here)s
      sqlalchemy.url = postgresql://
      """;

  private Parity() {}

  /** Skips (or, under {@code CI=true}, fails) when Python has no Alembic. */
  static void requireAlembic() {
    ProcessResult probe;
    try {
      probe = PostgresServer.run(List.of(PYTHON, "-c", "import alembic, sqlalchemy"), Map.of());
    } catch (IllegalStateException cannotStart) {
      probe = new ProcessResult(127, "", cannotStart.getMessage());
    }
    if (probe.exitCode() != 0) {
      String reason = PYTHON + " cannot import alembic: " + probe.stderr().strip();
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + " (CI=true: install python3-alembic)");
      }
      Assumptions.abort(reason);
    }
  }

  /**
   * Runs the proof for a revision whose functions have the given bodies (Python, without
   * indentation), after {@code setup} SQL applied to both databases.
   */
  static void prove(Path dir, String setup, String upgrade, String downgrade) throws Exception {
    requireAlembic();
    PostgresServer server = PostgresServer.require();
    Path project = Files.createDirectories(dir.resolve("alembic"));
    Path versions = Files.createDirectories(project.resolve("versions"));
    Files.writeString(project.resolve("alembic.ini"), INI);
    Files.writeString(project.resolve("env.py"), ENV_PY);
    Files.writeString(project.resolve("script.py.mako"), "");
    String python = Snippet.file(upgrade).replace("from myapp.types import GUID\n", "") + "\n\ndef downgrade():\n"
        + indent(downgrade) + "\n\nrevision = 'r1'\ndown_revision = None\n";
    Files.writeString(versions.resolve("r1_case.py"), python);
    String alembicUp = alembic(project, "upgrade", "head", "--sql");
    String alembicDown = alembic(project, "downgrade", "head:base", "--sql");

    Translation up = Snippet.translate(upgrade, TypeMap.EMPTY);
    Translation down = Snippet.translate(downgrade, TypeMap.EMPTY);
    assertEquals(List.of(), up.placeholders(), "upgrade placeholders");
    assertEquals(List.of(), down.placeholders(), "downgrade placeholders");
    Path strataVersions = Files.createDirectories(dir.resolve("strata"));
    String revision = "-- revision: r1\n-- revises: base\n\n-- +upgrade\n"
        + String.join("\n", up.lines()) + "\n\n-- +downgrade\n"
        + (down.lines().isEmpty() ? "-- +no-op" : String.join("\n", down.lines())) + "\n";
    Files.writeString(strataVersions.resolve("r1.sql"), revision);
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(strataVersions));
    String strataUp = render(graph, Direction.UPGRADE, "base:heads");
    String strataDown = render(graph, Direction.DOWNGRADE, "heads:base");

    String a = server.createDatabase("h6_alembic");
    String b = server.createDatabase("h6_strata");
    try {
      if (!setup.isBlank()) {
        server.execute(a, setup);
        server.execute(b, setup);
      }
      apply(server, a, dir.resolve("alembic-up.sql"), alembicUp);
      apply(server, b, dir.resolve("strata-up.sql"), strataUp);
      sameSchema(server, a, b, "after upgrade", revision);
      assertEquals(versions(server, a), versions(server, b), "alembic_version after upgrade");
      apply(server, a, dir.resolve("alembic-down.sql"), alembicDown);
      apply(server, b, dir.resolve("strata-down.sql"), strataDown);
      // Alembic 1.8 drops its version table when it downgrades to base; strata keeps it empty
      sameSchema(server, a, b, "after downgrade", revision);
      assertEquals(versions(server, a), versions(server, b), "alembic_version after downgrade");
    } finally {
      server.dropDatabase(a);
      server.dropDatabase(b);
    }
  }

  private static void sameSchema(PostgresServer server, String a, String b, String when,
      String revision) {
    String alembic = server.schemaDump(a, List.of("alembic_version"));
    String strata = server.schemaDump(b, List.of("alembic_version"));
    if (!alembic.equals(strata)) {
      List<String> left = alembic.lines().toList();
      List<String> right = strata.lines().toList();
      StringBuilder diff = new StringBuilder();
      left.stream().filter(line -> !right.contains(line))
          .forEach(line -> diff.append("- alembic: ").append(line).append('\n'));
      right.stream().filter(line -> !left.contains(line))
          .forEach(line -> diff.append("+ strata:  ").append(line).append('\n'));
      fail("schemas differ " + when + ":\n" + diff + "\nstrata revision:\n" + revision
          + "\nalembic dump:\n" + alembic);
    }
  }

  private static List<String> versions(PostgresServer server, String database) {
    if (server.query(database, "SELECT to_regclass('alembic_version') IS NULL").equals(
        List.of("t"))) {
      return List.of();
    }
    return server.query(database, "SELECT version_num FROM alembic_version ORDER BY 1");
  }

  private static String indent(String body) {
    StringBuilder out = new StringBuilder();
    for (String line : body.strip().split("\n", -1)) {
      out.append(line.isEmpty() ? "" : "    " + line).append('\n');
    }
    return out.toString();
  }

  private static String alembic(Path project, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-m", "alembic", "-c",
        project.resolve("alembic.ini").toString()));
    command.addAll(List.of(args));
    ProcessResult run = PostgresServer.run(command, Map.of());
    assertEquals(0, run.exitCode(), "alembic " + String.join(" ", args) + ":\n" + run.stdout()
        + run.stderr());
    return run.stdout();
  }

  private static String render(RevisionGraph graph, Direction direction, String range)
      throws Exception {
    return Renderer.forDialect(Dialect.POSTGRESQL).renderScript(
        new Planner(graph).plan(direction, Range.parse(direction, range)),
        ScriptOptions.defaults("test"), Replay.of(graph, Dialect.POSTGRESQL.dialectId())).text();
  }

  private static void apply(PostgresServer server, String database, Path file, String sql)
      throws Exception {
    Files.writeString(file, sql, StandardCharsets.UTF_8);
    ProcessResult run = server.psql(database, file);
    assertTrue(run.exitCode() == 0, "psql " + file.getFileName() + " failed:\n" + run.stderr()
        + "\n" + sql);
  }
}
