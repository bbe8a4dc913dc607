package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaChecks;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Severity;
import dev.strata.grammar.SourceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The schema stage of one {@link Compilation}, between planning and rendering: the semantic
 * checks of its whole graph ({@link SchemaChecks}: E0601–E0620, W0621), made once however many
 * plans are checked and whichever thread asks first, either by a replay of their own or by a lint
 * pass over PostgreSQL's model that makes them too ({@link Replay#diagnosticsAlongPlan}, {@link
 * PlanTasks#lintWalk}). Thread-safe.
 */
final class SchemaStage {
  private final RevisionGraph graph;
  private List<Diagnostic> diagnostics;
  /** The lint task whose pass makes the checks ({@link #madeBy}), when there is one. */
  private Background.Task<?> pending;
  /** How many times {@link #diagnostics()} replayed the graph itself (0 or 1; for tests). */
  int ownChecks;

  /** The stage of {@code graph}, nothing checked yet. */
  SchemaStage(RevisionGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /**
   * Every diagnostic of the schema checks of the graph, errors and warnings: what {@code strata
   * check} reports. Waits for the task registered by {@link #madeBy} when there is one (never on
   * that task's own thread), and replays the graph itself ({@link SchemaChecks#check}) when that
   * task ended without having made them.
   */
  List<Diagnostic> diagnostics() {
    Background.Task<?> task;
    synchronized (this) {
      if (diagnostics != null) {
        return diagnostics;
      }
      task = pending;
    }
    if (task != null && !task.runsHere()) {
      try {
        task.join();
      } catch (DiagnosticException | RuntimeException e) {
        // the task's starter joins it too and reports what it threw; the checks are made below
      }
    }
    synchronized (this) {
      if (diagnostics == null) {
        diagnostics = SchemaChecks.check(graph);
        ownChecks++;
      }
      return diagnostics;
    }
  }

  /**
   * Lets {@link #diagnostics()} wait for {@code task} instead of replaying the graph beside it:
   * {@code task} lints over a {@link PlanTasks#lintWalk} for a dialect that {@link
   * PlanTasks#checksLint}, whose one pass makes the checks too and hands them to {@link #keep}.
   * Its starter registers it before anything asks for the checks.
   */
  synchronized void madeBy(Background.Task<?> task) {
    pending = Objects.requireNonNull(task, "task");
  }

  /**
   * Keeps {@code found}, the checks of the whole graph made by a pass that also linted, as
   * {@link #diagnostics()}'s answer (the first answer kept stays).
   */
  synchronized void keep(List<Diagnostic> found) {
    if (diagnostics == null) {
      diagnostics = List.copyOf(found);
    }
  }

  /**
   * Stops {@code plan} on the errors of the checks located in the revisions it runs, so that
   * every command that plans refuses a revision that would fail on the database; warnings (W0621,
   * a model blinded by a hand edit) are left to {@code strata check}, which prints them.
   *
   * @throws DiagnosticException the schema errors located in the plan's revision files
   */
  void check(Plan plan) throws DiagnosticException {
    Set<SourceFile> planned = new HashSet<>();
    plan.steps().forEach(step -> planned.add(step.revision().source()));
    List<Diagnostic> errors = diagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .filter(d -> d.location().map(at -> planned.contains(at.source())).orElse(false))
        .toList();
    if (!errors.isEmpty()) {
      throw new DiagnosticException(errors);
    }
  }
}
