package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Bundles of one versions directory applied and rolled back with the real {@code psql}. Each
 * database state (a set of version-table rows) is built once, by {@code strata upgrade base:ROWS},
 * as a database of its own with its schema ({@code pg_dump --schema-only}) recorded; a range runs
 * on its FROM database, which the rollback must bring back to exactly that state, so the next range
 * from the same FROM starts there again. After {@code upgrade.sql} the database must hold TO's
 * rows, after {@code rollback.sql} FROM's rows and schema. A database whose check failed is dropped
 * and built again on next use. Ranges of different FROM states may run in parallel.
 */
final class RoundTrip implements AutoCloseable {
  private static final String ROWS = "version rows: ";

  /**
   * A database state: its version-table rows (sorted, empty for base), the database kept in it, and
   * its schema. The base database holds the version table, empty: where a rollback to base leaves
   * it (strata never drops the table).
   */
  record State(List<String> rows, String database, String schema) {}

  /** Work on the database of a state, which must leave it in that state. */
  @FunctionalInterface
  interface Work {
    void on(String database) throws Exception;
  }

  private final PostgresServer server;
  private final Path versions;
  private final Planner planner;
  private final Path work;
  private final Map<List<String>, State> states = new ConcurrentHashMap<>();

  RoundTrip(PostgresServer server, Path versions, Path work) throws DiagnosticException {
    this.server = server;
    this.versions = versions;
    this.planner = new Planner(RevisionGraph.build(VersionsLoader.load(versions)));
    this.work = work;
  }

  /** A range side: the rows comma-separated, or {@code base}. */
  static String side(List<String> rows) {
    return rows.isEmpty() ? "base" : String.join(",", rows);
  }

  /**
   * Every state of {@code graph} with at most {@code maxRows} (1 or 2) rows: base, each revision
   * alone, and with 2 each two revisions neither of which is an ancestor of the other.
   */
  static List<List<String>> states(RevisionGraph graph, int maxRows) {
    List<String> ids = graph.revisions().stream().map(r -> r.id()).sorted().toList();
    List<List<String>> states = new ArrayList<>();
    states.add(List.of());
    ids.forEach(id -> states.add(List.of(id)));
    for (int i = 0; i < ids.size() && maxRows > 1; i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (!graph.ancestors(a).contains(b) && !graph.ancestors(b).contains(a)) {
          states.add(List.of(a, b));
        }
      }
    }
    return List.copyOf(states);
  }

  /**
   * Every pair of {@link #states} with at most {@code maxRows} rows that {@code strata upgrade
   * FROM:TO} accepts, as FROM:TO.
   */
  static List<String> ranges(Path versions, int maxRows) throws Exception {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    Planner planner = new Planner(graph);
    List<List<String>> states = states(graph, maxRows);
    List<String> ranges = new ArrayList<>();
    for (List<String> from : states) {
      for (List<String> to : states) {
        String range = side(from) + ":" + side(to);
        try {
          planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, range));
          ranges.add(range);
        } catch (DiagnosticException e) {
          // not a range upgrade accepts (TO below FROM, or on another branch)
        }
      }
    }
    return List.copyOf(ranges);
  }

  /** The upgrade plan of {@code range}: its start and end rows. */
  Plan plan(String range) throws DiagnosticException {
    return planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, range));
  }

  /**
   * Bundles {@code range} with {@code strata bundle OPTIONS}, and applies its {@code upgrade.sql}
   * to FROM's database, which must then hold TO's rows, and its {@code rollback.sql}, which must
   * bring it back to FROM's state. One psql session runs both scripts and reads the rows between
   * them (a database test's cost is mostly its client processes).
   */
  void check(String range, String... options) throws Exception {
    Path bundle = bundle(range, options);
    try {
      Plan plan = plan(range);
      at(plan.fromHeads(), "after rollback.sql of " + range, db -> {
        ProcessResult result = server.psql(db, "-A", "-t",
            "-f", bundle.resolve("upgrade.sql").toString(),
            "-c", "SELECT '" + ROWS + "' || coalesce(string_agg(version_num, ','"
                + " ORDER BY version_num COLLATE \"C\"), '') FROM alembic_version",
            "-f", bundle.resolve("rollback.sql").toString());
        assertClean(result, "upgrade.sql, then rollback.sql (" + range + ")");
        assertEquals(List.of(ROWS + String.join(",", plan.toHeads())),
            result.stdout().lines().filter(l -> l.startsWith(ROWS)).toList(),
            "version table after upgrade.sql of " + range);
      });
    } finally {
      delete(bundle);
    }
  }

  /**
   * Runs {@code work} on the database at {@code rows}, then checks that it is in that state again
   * ({@code when} says at which point, for the failure message); when either fails the database is
   * dropped, to be built again on next use.
   */
  void at(List<String> rows, String when, Work work) throws Exception {
    State state = state(rows);
    try {
      work.on(state.database());
      assertState(state.database(), state, when);
    } catch (Throwable e) {
      states.remove(rows);
      server.dropDatabase(state.database());
      throw e;
    }
  }

  /** {@code strata bundle RANGE OPTIONS} into a fresh folder; returns the bundle's top folder. */
  Path bundle(String range, String... options) throws Exception {
    Path out = Files.createTempDirectory(work, "bundle").resolve("b");
    List<String> args = new ArrayList<>(List.of("bundle", range, "--versions", versions.toString(),
        "-o", out.toString()));
    args.addAll(List.of(options));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), () -> "strata bundle " + range + ":\n" + cli.err());
    try (Stream<Path> top = Files.list(out)) {
      return top.findFirst().orElseThrow();
    }
  }

  /** The state whose version table holds {@code rows} (sorted), built on first use. */
  State state(List<String> rows) throws Exception {
    State known = states.get(rows);
    if (known != null) {
      return known;
    }
    String db = server.createDatabase("strata_rt");
    try {
      String range = "base:" + side(rows);
      Path script = Files.createTempFile(work, "upgrade", ".sql");
      Cli cli = Cli.run("upgrade", range, "--versions", versions.toString(), "-o",
          script.toString());
      assertEquals(0, cli.exitCode(), () -> "strata upgrade " + range + ":\n" + cli.err());
      apply(db, script, range);
      Files.delete(script);
      assertEquals(rows, versionRows(db), "strata upgrade " + range);
    } catch (Throwable e) {
      server.dropDatabase(db);
      throw e;
    }
    State state = new State(rows, db, server.schemaDump(db));
    State raced = states.putIfAbsent(rows, state);
    if (raced != null) {
      server.dropDatabase(db);
      return raced;
    }
    return state;
  }

  /**
   * Applies a script with psql; it must succeed and print nothing on stderr but the notice that
   * the version table exists already (a script from base meets it where a rollback left it).
   */
  void apply(String db, Path script, String range) {
    assertClean(server.psql(db, script), "psql -f " + script.getFileName() + " (" + range + ")");
  }

  private static void assertClean(ProcessResult result, String what) {
    assertEquals(0, result.exitCode(), () -> what + ":\n" + result.stderr());
    String unexpected = result.stderr().lines()
        .filter(l -> !l.endsWith("NOTICE:  relation \"alembic_version\" already exists, skipping"))
        .reduce("", (a, b) -> a + b + "\n");
    assertEquals("", unexpected, () -> what + " printed warnings");
  }

  /** The rows and the schema of {@code db} are those of {@code state}. */
  void assertState(String db, State state, String when) {
    assertEquals(state.rows(), versionRows(db), "version table " + when);
    assertEquals(state.schema(), server.schemaDump(db), "schema " + when);
  }

  /** The rows of {@code alembic_version}, sorted as plans sort them. */
  List<String> versionRows(String db) {
    return server.query(db, "SELECT version_num FROM alembic_version"
        + " ORDER BY version_num COLLATE \"C\"");
  }

  private static void delete(Path bundle) throws Exception {
    try (Stream<Path> all = Files.walk(bundle.getParent().getParent())) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Drops the databases of every state. */
  @Override
  public void close() {
    states.values().forEach(s -> server.dropDatabase(s.database()));
    states.clear();
  }
}
