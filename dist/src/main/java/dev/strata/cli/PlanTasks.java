package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaChecks;
import dev.strata.dialects.Dialect;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.util.List;
import java.util.Objects;

/**
 * A plan of a {@link Compilation} with its schema checks and its lint started on other threads
 * ({@link Background}), so that the caller renders on its own thread meanwhile and both cores
 * stay busy: the checks and lint each replay the whole graph. Which replays run where:
 *
 * <ul>
 *   <li>lint over PostgreSQL's model, the model the checks replay: one pass makes both ({@link
 *       #linting}, {@link #lintWalk});
 *   <li>lint over MySQL's or SQLite's model before rendering that dialect: lint reads the models
 *       rendering replays ({@link #rendering}, {@link ModelHandoff}), the checks replay beside;
 *   <li>otherwise the checks and lint each replay on a thread of their own.
 * </ul>
 *
 * <p>The caller waits for the checks ({@link Checked#checked()}) before it writes anything, and
 * their errors come first, as when they ran before rendering.
 */
final class PlanTasks {
  private PlanTasks() {}

  /** Lint over a plan, given a walk over the models around its steps ({@link Linter.Walk}). */
  @FunctionalInterface
  interface LintJob {
    /**
     * The findings on {@code plan}'s steps, their models from {@code walk}.
     *
     * @throws DiagnosticException what {@code walk} throws, and lint's own errors
     */
    List<Finding> findings(Plan plan, Linter.Walk walk) throws DiagnosticException;
  }

  /**
   * Plans {@code direction} over {@code range} and starts its schema checks on another thread.
   *
   * @throws DiagnosticException the planner's diagnostics ({@link
   *     dev.strata.compiler.Planner#plan}: E03xx)
   */
  static Checked checking(Compilation compilation, Direction direction, Range range)
      throws DiagnosticException {
    return checking(compilation, compilation.planner().plan(direction, range));
  }

  /**
   * Plans an upgrade over {@code range}, then starts its schema checks and its lint ({@code
   * lint}) on another thread. When lint's models are PostgreSQL's ({@link #checksLint}), both
   * come from one pass over the graph on one thread; for another dialect lint replays that
   * dialect's model on a thread of its own ({@link Replay#alongPlan}).
   *
   * @param dialect the dialect lint replays
   * @throws DiagnosticException the planner's diagnostics (E03xx)
   */
  static Linted linting(Compilation compilation, Range range, DialectId dialect, LintJob lint)
      throws DiagnosticException {
    Plan plan = compilation.planner().plan(Direction.UPGRADE, range);
    Linter.Walk walk = lintWalk(compilation, dialect);
    boolean both = checksLint(dialect);
    Background.Task<List<Finding>> linting = Background.start(
        both ? "strata-checks" : "strata-lint", () -> lint.findings(plan, walk));
    if (both) {
      compilation.schema().madeBy(linting); // a rollback's or another plan's checks wait too
    }
    return new Linted(both ? new Checked(compilation, plan, linting)
        : checking(compilation, plan), linting);
  }

  /**
   * As {@link #linting}, for a caller that renders the plan for {@code dialect} next, with
   * {@link Rendering#models()}: when {@link #lintReadsRendering} (MySQL, SQLite), lint reads the
   * models of rendering's replay ({@link ModelHandoff}) instead of replaying that dialect's model
   * a second time beside it; PostgreSQL's lint makes the schema checks in its pass, as with
   * {@link #linting}. The caller calls {@link Rendering#rendered()} once it has rendered or failed
   * to.
   *
   * @throws DiagnosticException the planner's diagnostics (E03xx)
   */
  static Rendering rendering(Compilation compilation, Range range, Dialect dialect, LintJob lint)
      throws DiagnosticException {
    if (!lintReadsRendering(dialect)) {
      return new Rendering(linting(compilation, range, dialect.dialectId(), lint),
          compilation.replay(dialect));
    }
    Plan plan = compilation.planner().plan(Direction.UPGRADE, range);
    ModelHandoff handoff = new ModelHandoff(compilation.replay(dialect), plan);
    Background.Task<List<Finding>> linting =
        Background.start("strata-lint", () -> handoff.lint(lint));
    return new Rendering(new Linted(checking(compilation, plan), linting), handoff);
  }

  /**
   * Whether lint over a plan rendered for {@code dialect} reads the models of that rendering
   * ({@link ModelHandoff}): a dialect that renders from the model and whose lint does not make
   * the schema checks ({@link #checksLint}): MySQL, MariaDB, SQLite.
   */
  static boolean lintReadsRendering(Dialect dialect) {
    return !checksLint(dialect.dialectId()) && dialect.rendersFromModel();
  }

  /**
   * Whether {@link #lintWalk} of {@code dialect} also makes the schema checks: lint's models are
   * then the PostgreSQL model the checks replay ({@link SchemaChecks}).
   */
  static boolean checksLint(DialectId dialect) {
    return dialect == DialectId.POSTGRESQL;
  }

  /**
   * The walk over the models around a plan's steps that lint takes ({@link Linter.Walk}),
   * replayed for {@code dialect}. When {@link #checksLint} of it, the walk is one pass that also
   * makes the schema checks of the whole graph ({@link Replay#diagnosticsAlongPlan}) and keeps
   * them as the compilation's ({@link SchemaStage#keep}), so that a caller that lints before it
   * asks for the checks replays once; else a replay of its own ({@link Replay#alongPlan}).
   */
  static Linter.Walk lintWalk(Compilation compilation, DialectId dialect) {
    if (!checksLint(dialect)) {
      return Replay.of(compilation.graph(), dialect)::alongPlan;
    }
    return (plan, visitor) -> {
      Replay.Checked found = Replay.of(compilation.graph()).diagnosticsAlongPlan(plan, visitor);
      compilation.schema().keep(found.diagnostics());
      if (!found.walkErrors().isEmpty()) {
        throw new DiagnosticException(found.walkErrors());
      }
    };
  }

  /** Starts the schema checks of {@code plan} on another thread. */
  private static Checked checking(Compilation compilation, Plan plan) {
    return new Checked(compilation, plan, Background.start("strata-checks", () -> {
      compilation.schemaChecks();
      return null;
    }));
  }

  /**
   * A plan checked and linted on other threads ({@link #rendering}), to be rendered on this one
   * from {@link #models()}.
   *
   * @param linted the plan, its checks and its lint
   * @param models what rendering reads the models from ({@link Compilation#prepare(Plan,
   *     Dialect, dev.strata.dialects.ScriptOptions, PlanModels)}): the compilation's replay of
   *     the dialect, or one that lint reads too ({@link ModelHandoff})
   */
  record Rendering(Linted linted, PlanModels models) {
    /** Checks the components. */
    Rendering {
      Objects.requireNonNull(linted, "linted");
      Objects.requireNonNull(models, "models");
    }

    /**
     * Says that rendering is over, walked or not: lint, when it waits for rendering's models,
     * then stops waiting (its task throws, unjoined, when rendering failed before it walked).
     * Idempotent.
     */
    void rendered() {
      if (models instanceof ModelHandoff handoff) {
        handoff.close();
      }
    }
  }

  /**
   * A plan whose schema checks and lint run on other threads ({@link #linting}).
   *
   * @param checking the plan and its checks
   * @param lint the lint task: its findings, or what it threw
   */
  record Linted(Checked checking, Background.Task<List<Finding>> lint) {
    /** Checks the components. */
    Linted {
      Objects.requireNonNull(checking, "checking");
      Objects.requireNonNull(lint, "lint");
    }
  }

  /** A plan whose schema checks run on another thread ({@link #checking}, {@link #linting}). */
  static final class Checked {
    private final Compilation compilation;
    private final Plan plan;
    private final Background.Task<?> replay;

    private Checked(Compilation compilation, Plan plan, Background.Task<?> replay) {
      this.compilation = Objects.requireNonNull(compilation, "compilation");
      this.plan = Objects.requireNonNull(plan, "plan");
      this.replay = Objects.requireNonNull(replay, "replay");
    }

    /** The plan, to lint and render while the checks run. */
    Plan plan() {
      return plan;
    }

    /**
     * The plan, once its schema checks have passed: waits for the replay that makes them.
     *
     * @throws DiagnosticException the schema errors located in the plan's revision files
     */
    Plan checked() throws DiagnosticException {
      try {
        replay.join();
      } catch (DiagnosticException e) {
        // lint's own, when the checks' replay also lints: the lint task's join throws it again,
        // after the checks' errors, which come first
      }
      compilation.schema().check(plan);
      return plan;
    }
  }
}
