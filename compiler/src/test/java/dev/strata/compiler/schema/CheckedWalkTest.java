package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Replay#diagnosticsAlongPlan}, the one pass that checks the graph and walks an upgrade
 * plan, gives what its two halves give on their own: {@link Replay#diagnostics()} and, step for
 * step, the models of {@link Replay#alongPlan} (or the errors it throws), on every versions
 * directory of the corpora and every upgrade range from base or a revision to the heads or a
 * revision.
 */
class CheckedWalkTest {
  static final Path SCHEMA_ERRORS = Path.of("src/test/resources/schema-errors");

  @TempDir Path tmp;

  static List<Path> corpus() throws IOException {
    List<Path> dirs = new ArrayList<>(ReplayCorpusTest.corpus());
    try (Stream<Path> cases = Files.list(SCHEMA_ERRORS)) {
      cases.map(c -> c.resolve("versions")).filter(Files::isDirectory).sorted()
          .forEach(dirs::add);
    }
    return dirs;
  }

  @TestFactory
  Stream<DynamicTest> onePassGivesTheChecksAndTheWalk() throws IOException {
    return corpus().stream().map(dir -> dynamicTest(dir.toString(), () -> {
      RevisionGraph graph;
      try {
        graph = RevisionGraph.build(VersionsLoader.load(dir));
      } catch (DiagnosticException e) {
        return; // a directory of the corpus that does not load has no graph to replay
      }
      int plans = 0;
      for (String range : ranges(graph)) {
        Plan plan;
        try {
          plan = new Planner(graph).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, range));
        } catch (DiagnosticException e) {
          continue; // no revisions in that range
        }
        plans++;
        assertSame(graph, plan, dir + " " + range);
      }
      assertTrue(plans > 0, dir + ": no plan was compared");
    }));
  }

  /**
   * The second branch of a plan runs on top of the first: its steps cannot take the pass's
   * models (which do not hold the first branch), and must see the first branch's table.
   */
  @Test
  void aBranchAppliedAfterAnotherSeesIt() throws Exception {
    RevisionGraph graph = graph(
        "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY);",
        "0002_b", "0001_a", "CREATE TABLE only_b (id INTEGER);",
        "0003_c", "0001_a", "CREATE TABLE only_c (id INTEGER);",
        "0004_m", "0002_b, 0003_c", "ALTER TABLE t ADD COLUMN m TEXT;");
    Plan plan = plan(graph, "base:heads");
    Map<Integer, List<SchemaModel>> walked = new TreeMap<>();
    Replay.Checked checked = Replay.of(graph).diagnosticsAlongPlan(plan, walked::put);
    assertEquals(List.of(), checked.diagnostics());
    assertEquals(List.of(), checked.walkErrors());
    int c = stepOf(plan, "0003_c");
    int b = stepOf(plan, "0002_b");
    ObjectName first = new ObjectName("public", b < c ? "only_b" : "only_c");
    assertTrue(walked.get(Math.max(b, c)).getFirst().tables().containsKey(first),
        "the later branch starts with the earlier one's table");
    assertFalse(walked.get(Math.min(b, c)).getFirst().tables().containsKey(
        new ObjectName("public", b < c ? "only_c" : "only_b")));
    assertSame(graph, plan, "diamond");
  }

  /**
   * Two branches that each create the same table are a conflict at the merge for the checks,
   * and a duplicate for the walk, which applies one after the other: both are reported.
   */
  @Test
  void aDuplicateAcrossBranchesStopsTheWalk() throws Exception {
    RevisionGraph graph = graph(
        "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY);",
        "0002_b", "0001_a", "CREATE TABLE x (id INTEGER);",
        "0003_c", "0001_a", "CREATE TABLE x (id INTEGER);",
        "0004_m", "0002_b, 0003_c", "");
    Plan plan = plan(graph, "base:heads");
    Replay.Checked checked = Replay.of(graph).diagnosticsAlongPlan(plan, (i, models) -> { });
    assertFalse(checked.walkErrors().isEmpty());
    assertFalse(checked.diagnostics().isEmpty());
    assertSame(graph, plan, "duplicate");
  }

  /** An error before the plan's start stops the walk as alongPlan stops; one after does not. */
  @Test
  void errorsCountForTheWalkOnlyWhereThePlanStartsOrRuns() throws Exception {
    RevisionGraph graph = graph(
        "0001_a", "base", "ALTER TABLE missing ADD COLUMN n INTEGER;",
        "0002_b", "0001_a", "CREATE TABLE t (id INTEGER);",
        "0003_c", "0002_b", "CREATE TABLE u (id INTEGER);",
        "0004_d", "0003_c", "DROP TABLE nothing;");
    Plan plan = plan(graph, "0002_b:0003_c");
    Replay.Checked checked = Replay.of(graph).diagnosticsAlongPlan(plan, (i, models) -> { });
    assertEquals(2, checked.diagnostics().size(), DiagnosticException.format(checked.diagnostics()));
    assertEquals(1, checked.walkErrors().size(), "the error of 0001_a, below the start, not 0004_d's");
    assertSame(graph, plan, "errors");
  }

  /** Compares the one pass with its two halves on {@code plan}. */
  private static void assertSame(RevisionGraph graph, Plan plan, String where) {
    Map<Integer, List<SchemaModel>> walked = new TreeMap<>();
    Replay.Checked checked;
    try {
      checked = Replay.of(graph).diagnosticsAlongPlan(plan, walked::put);
    } catch (DiagnosticException e) {
      throw new AssertionError("the visitor throws nothing", e);
    }
    assertEquals(Replay.of(graph).diagnostics(), checked.diagnostics(), where + ": the checks");
    Map<Integer, List<SchemaModel>> expected = new TreeMap<>();
    try {
      Replay.of(graph).alongPlan(plan, expected::put);
    } catch (DiagnosticException e) {
      assertEquals(formatted(e.diagnostics()), formatted(checked.walkErrors()),
          where + ": the walk's errors");
      return;
    }
    assertEquals(List.of(), checked.walkErrors(), where + ": the walk's errors");
    assertEquals(expected.keySet(), walked.keySet(), where + ": the steps visited");
    for (int i : expected.keySet()) {
      assertEquals(expected.get(i), walked.get(i), where + ": the models of step " + i);
    }
  }

  private static TreeSet<String> formatted(List<Diagnostic> diagnostics) {
    TreeSet<String> out = new TreeSet<>();
    diagnostics.forEach(d -> out.add(DiagnosticException.format(List.of(d))));
    return out;
  }

  /** {@code base:heads}, then from base and from each revision to the heads and to each revision. */
  private static List<String> ranges(RevisionGraph graph) {
    List<String> ids = graph.revisions().stream().map(RevisionFile::id).limit(12).toList();
    List<String> out = new ArrayList<>(List.of("base:heads"));
    for (String to : ids) {
      out.add("base:" + to);
    }
    for (String from : ids) {
      out.add(from + ":heads");
      for (String to : ids) {
        out.add(from + ":" + to);
      }
    }
    return out;
  }

  private static Plan plan(RevisionGraph graph, String range) throws DiagnosticException {
    return new Planner(graph).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, range));
  }

  private static int stepOf(Plan plan, String id) {
    for (int i = 0; i < plan.steps().size(); i++) {
      if (plan.steps().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no step " + id);
  }

  /** A graph of revisions given as (id, revises, upgrade statements). */
  private RevisionGraph graph(String... triples) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("versions"));
    for (int i = 0; i < triples.length; i += 3) {
      Files.writeString(dir.resolve(triples[i] + ".sql"), "-- revision: " + triples[i]
          + "\n-- revises: " + triples[i + 1] + "\n\n-- +upgrade\n" + triples[i + 2] + "\n");
    }
    return RevisionGraph.build(VersionsLoader.load(dir));
  }
}
