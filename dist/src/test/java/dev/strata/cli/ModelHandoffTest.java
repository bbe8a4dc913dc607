package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelHandoff}: lint reads the models rendering's replay makes, every step in plan order,
 * and is never left waiting: not when the replay fails, not when rendering never walks; and
 * rendering is never left waiting when lint stops.
 */
class ModelHandoffTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private record Seen(int index, List<SchemaModel> models) {}

  /** A graph and the upgrade of all of it. */
  private record Chain(RevisionGraph graph, Plan plan) {
    ModelHandoff handoff() {
      return new ModelHandoff(Replay.of(graph, DialectId.MYSQL), plan);
    }
  }

  /** A chain of {@code n} revisions, each making a table, the last one {@code last} if given. */
  private Chain chain(int n, String last) throws Exception {
    Path versions = Files.createDirectories(dir.resolve("versions"));
    for (int i = 1; i <= n; i++) {
      String body = i == n && !last.isEmpty() ? last : "CREATE TABLE t" + i + " (a INTEGER);\n";
      Files.writeString(versions.resolve(String.format("r%04d.sql", i)),
          "-- revision: r" + i + "\n-- revises: " + (i == 1 ? "base" : "r" + (i - 1))
              + "\n-- message: " + i + "\n\n-- +upgrade\n" + body, StandardCharsets.UTF_8);
    }
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    return new Chain(graph,
        new Planner(graph).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head")));
  }

  @Test
  void lintGetsEveryStepRenderingGotInPlanOrder() throws Exception {
    int n = 2 * ModelHandoff.BATCH + 7; // two whole batches and a partial one
    Chain chain = chain(n, "");
    Plan plan = chain.plan();
    ModelHandoff handoff = chain.handoff();
    Background.Task<List<Seen>> lint = Background.start("test-lint", () -> {
      List<Seen> seen = new ArrayList<>();
      handoff.walk(plan, (i, models) -> seen.add(new Seen(i, models)));
      return seen;
    });
    List<Seen> rendered = new ArrayList<>();
    handoff.alongPlan(plan, (i, models) -> rendered.add(new Seen(i, models)));
    List<Seen> linted = assertTimeoutPreemptively(LIMIT, lint::join);
    assertEquals(n, rendered.size());
    assertEquals(rendered, linted);
    List<Seen> replayed = new ArrayList<>();
    Replay.of(chain.graph(), DialectId.MYSQL)
        .alongPlan(plan, (i, models) -> replayed.add(new Seen(i, models)));
    assertEquals(replayed, linted, "the models a replay of its own gives");
    assertThrows(IllegalArgumentException.class, () -> handoff.alongPlan(plan, (i, m) -> {}));
  }

  @Test
  void lintThrowsWhatStoppedTheReplay() throws Exception {
    ModelHandoff handoff = chain(3, "DROP TABLE missing;\n").handoff();
    Background.Task<Void> lint = lintIgnoring(handoff);
    DiagnosticException rendering = assertThrows(DiagnosticException.class,
        () -> handoff.alongPlan(handoff.plan(), (i, models) -> {}));
    assertTrue(rendering.diagnostics().getFirst().code().startsWith("E06"),
        rendering.diagnostics().toString());
    DiagnosticException linting = assertThrows(DiagnosticException.class,
        () -> assertTimeoutPreemptively(LIMIT, lint::join));
    assertEquals(format(rendering.diagnostics()), format(linting.diagnostics()));
  }

  @Test
  void closingWithoutRenderingEndsLintsWait() throws Exception {
    ModelHandoff handoff = chain(2, "").handoff();
    Background.Task<Void> lint = lintIgnoring(handoff);
    handoff.close();
    handoff.close();
    assertThrows(ModelHandoff.NotRendered.class,
        () -> assertTimeoutPreemptively(LIMIT, lint::join));
    assertThrows(IllegalArgumentException.class,
        () -> handoff.alongPlan(handoff.plan(), (i, m) -> {}));
  }

  @Test
  void renderingGoesOnWhenLintStops() throws Exception {
    int n = (ModelHandoff.CAPACITY + 2) * ModelHandoff.BATCH; // more than the queue holds
    Chain chain = chain(n, "");
    Plan plan = chain.plan();
    ModelHandoff handoff = chain.handoff();
    IllegalStateException stop = new IllegalStateException("lint stopped");
    Background.Task<Void> lint = Background.start("test-lint", () -> {
      handoff.walk(plan, (i, models) -> {
        throw stop;
      });
      return null;
    });
    List<Integer> rendered = Collections.synchronizedList(new ArrayList<>());
    assertTimeoutPreemptively(LIMIT, () -> handoff.alongPlan(plan, (i, m) -> rendered.add(i)));
    assertEquals(n, rendered.size());
    assertSame(stop, assertThrows(IllegalStateException.class, lint::join));
  }

  @Test
  void renderingGoesOnWhenLintNeverReads() throws Exception {
    int n = (ModelHandoff.CAPACITY + 2) * ModelHandoff.BATCH; // more than the queue holds
    Chain chain = chain(n, "");
    ModelHandoff handoff = chain.handoff();
    handoff.stopReading(); // lint's task ended before its walk (an error of its own)
    List<Integer> rendered = new ArrayList<>();
    assertTimeoutPreemptively(LIMIT,
        () -> handoff.alongPlan(chain.plan(), (i, m) -> rendered.add(i)));
    assertEquals(n, rendered.size());
  }

  /** Lint's walk on a thread of its own, its models dropped. */
  private static Background.Task<Void> lintIgnoring(ModelHandoff handoff) {
    return Background.start("test-lint", () -> {
      handoff.walk(handoff.plan(), (i, models) -> {});
      return null;
    });
  }

  private static List<String> format(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }
}
