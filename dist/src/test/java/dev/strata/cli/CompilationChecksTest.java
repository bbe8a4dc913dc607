package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.schema.SchemaChecks;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Compilation#schemaChecks()} replays the graph once per compilation: when a lint task
 * whose pass makes the checks was registered ({@link SchemaStage#madeBy}), it waits for that
 * pass rather than replaying beside it ({@code strata check} at 10,000 revisions: 11.0 s of CPU
 * before, 8.6 s after), and makes them itself only when the task did not.
 */
class CompilationChecksTest {
  /** A chain with a schema-check warning (W0621), so that the checks are not empty. */
  private static final Path CHAIN =
      Path.of("../compiler/src/test/resources/schema-errors/hand_edit_warning/versions");

  private static Compilation compilation() throws Exception {
    return Compilation.of(RevisionGraph.build(VersionsLoader.load(CHAIN)));
  }

  private static List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }

  private static Plan everyUpgrade(Compilation compilation) throws Exception {
    return compilation.planner().plan(Direction.UPGRADE,
        Range.parse(Direction.UPGRADE, Linter.ALL));
  }

  @Test
  void waitsForTheLintPassThatMakesThemInsteadOfReplayingAgain() throws Exception {
    Compilation compilation = compilation();
    List<String> expected = formatted(SchemaChecks.check(compilation.graph()));
    assertFalse(expected.isEmpty());
    Plan plan = everyUpgrade(compilation);
    CountDownLatch release = new CountDownLatch(1);
    Background.Task<Void> lint = Background.start("test-lint", () -> {
      release.await();
      PlanTasks.lintWalk(compilation, DialectId.POSTGRESQL).walk(plan, (i, models) -> {});
      return null;
    });
    compilation.schema().madeBy(lint);
    AtomicReference<List<Diagnostic>> asked = new AtomicReference<>();
    Thread asking = Thread.ofPlatform().start(() -> asked.set(compilation.schemaChecks()));
    // the asking thread parks on the lint task (without the wait it would replay and finish)
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      while (asking.getState() != Thread.State.WAITING && asking.isAlive()) {
        Thread.onSpinWait();
      }
    });
    assertTrue(asking.isAlive(), "schemaChecks() replayed instead of waiting for lint's pass");
    release.countDown();
    lint.join();
    asking.join();
    assertEquals(expected, formatted(asked.get()));
    assertEquals(0, compilation.schema().ownChecks);
  }

  @Test
  void makesThemItselfWhenTheLintTaskEndsWithoutThem() throws Exception {
    Compilation compilation = compilation();
    Background.Task<Void> failing = Background.start("test-lint", () -> {
      throw new IllegalStateException("lint failed before its walk ended");
    });
    compilation.schema().madeBy(failing);
    assertEquals(formatted(SchemaChecks.check(compilation.graph())),
        formatted(compilation.schemaChecks()));
    assertEquals(1, compilation.schema().ownChecks);
    assertThrows(IllegalStateException.class, failing::join, "its starter still sees the failure");
  }

  @Test
  void neverWaitsOnTheLintTasksOwnThread() throws Exception {
    Compilation compilation = compilation();
    CountDownLatch registered = new CountDownLatch(1);
    Background.Task<List<Diagnostic>> task = Background.start("test-lint", () -> {
      registered.await();
      return compilation.schemaChecks();
    });
    compilation.schema().madeBy(task);
    registered.countDown();
    List<Diagnostic> found = assertTimeoutPreemptively(Duration.ofSeconds(30), task::join);
    assertEquals(formatted(SchemaChecks.check(compilation.graph())), formatted(found));
    assertEquals(1, compilation.schema().ownChecks);
  }
}
