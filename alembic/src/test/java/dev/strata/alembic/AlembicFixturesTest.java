package dev.strata.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixture Alembic projects under {@code src/test/resources/projects} are real Alembic projects:
 * for each head of each, the real Alembic's {@code upgrade HEAD --sql} applied with {@code psql} to
 * a fresh PostgreSQL database succeeds and leaves the version table at that head, and its {@code
 * downgrade HEAD:base --sql} then succeeds and leaves no table behind (Alembic before 1.19 drops
 * its version table there; 1.19 and later leave it, empty). What the import and the proof are
 * tested on is thus what Alembic itself runs.
 */
class AlembicFixturesTest {
  /** The fixtures this module's README lists (h5's {@code sample} included when present). */
  private static final Set<String> EXPECTED = Set.of("plain", "types", "graph", "batch",
      "placeholders");

  static Path projects() throws Exception {
    return Path.of(AlembicFixturesTest.class.getResource("/projects").toURI());
  }

  static List<Path> fixtures() throws Exception {
    try (Stream<Path> dirs = Files.list(projects())) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("alembic.ini"))).sorted().toList();
    }
  }

  @Test
  void everyListedFixtureIsThere() throws Exception {
    Set<String> names = new TreeSet<>();
    fixtures().forEach(p -> names.add(p.getFileName().toString()));
    assertTrue(names.containsAll(EXPECTED), names.toString());
  }

  @TestFactory
  Stream<DynamicTest> eachFixtureUpgradesToEachHeadAndDowngradesToBaseWithAlembicsOwnSql()
      throws Exception {
    return fixtures().stream().map(project -> DynamicTest.dynamicTest(
        project.getFileName().toString(), () -> roundTrip(project)));
  }

  /** The heads {@code alembic heads} lists, as ids. */
  static List<String> heads(AlembicCli alembic, Path project) {
    ClientRun heads = alembic.run(project.resolve("alembic.ini"), "heads");
    assertEquals(0, heads.exitCode(), heads.describe());
    return heads.stdout().lines().filter(l -> !l.isBlank())
        .map(l -> l.strip().split("\\s+")[0]).toList();
  }

  private static void roundTrip(Path project) throws Exception {
    AlembicCli alembic = AlembicCli.require();
    PostgresServer server = PostgresServer.require();
    Path ini = project.resolve("alembic.ini");
    List<String> heads = heads(alembic, project);
    assertFalse(heads.isEmpty(), project + " has no head");
    for (String head : heads) {
      String db = server.createDatabase("h2_fixture");
      try {
        ClientRun up = alembic.run(ini, "upgrade", head, "--sql");
        assertEquals(0, up.exitCode(), () -> "alembic upgrade " + head + " --sql\n" + up.describe());
        Path upScript = Files.createTempFile("alembic-up", ".sql");
        Files.writeString(upScript, up.stdout());
        var applied = server.psql(db, upScript);
        assertEquals(0, applied.exitCode(), () -> project + ": psql of upgrade " + head + ":\n"
            + applied.stderr());
        List<String> rows = server.query(db, "SELECT version_num FROM alembic_version");
        assertTrue(rows.contains(head), project + " at " + head + ": rows " + rows);

        ClientRun down = alembic.run(ini, "downgrade", head + ":base", "--sql");
        assertEquals(0, down.exitCode(), () -> "alembic downgrade " + head + ":base --sql\n"
            + down.describe());
        Path downScript = Files.createTempFile("alembic-down", ".sql");
        Files.writeString(downScript, down.stdout());
        var reverted = server.psql(db, downScript);
        assertEquals(0, reverted.exitCode(), () -> project + ": psql of downgrade " + head
            + ":base:\n" + reverted.stderr());
        List<String> left = server.query(db, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog',"
            + " 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'v', 'm', 'p')"
            + " AND c.relname <> 'alembic_version'");
        assertEquals(List.of(), left, project + " after downgrade " + head + ":base");
        Files.delete(upScript);
        Files.delete(downScript);
      } finally {
        server.dropDatabase(db);
      }
    }
  }

  @Test
  void theGraphFixtureHasTwoRootsTwoHeadsAMergeLabelsAndDependencies() throws Exception {
    AlembicCli alembic = AlembicCli.require();
    Path graph = projects().resolve("graph");
    assertEquals(List.of("708192a3b4c5", "8192a3b4c5d6"),
        heads(alembic, graph).stream().sorted().toList());
    ClientRun history = alembic.run(graph.resolve("alembic.ini"), "history");
    assertEquals(0, history.exitCode(), history.describe());
    List<String> lines = Arrays.asList(history.stdout().split("\n"));
    assertEquals(2, lines.stream().filter(l -> l.startsWith("<base> -> ")).count(), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("(mergepoint)")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("(branchpoint)")), lines.toString());
    assertTrue(history.stdout().contains("5e6f708192a3 (cart) -> 6f708192a3b4"), history.stdout());
  }
}
