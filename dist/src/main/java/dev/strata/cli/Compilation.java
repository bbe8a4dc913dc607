package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaChecks;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.PreparedScript;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Severity;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one compilation pipeline, which every command that plans or renders runs: load the versions
 * directory ({@link VersionsLoader}), check it against {@code strata.sum} ({@link
 * LockFile#verified}), build the {@link RevisionGraph}, then per request plan a typed {@link
 * Range} ({@link Planner}), check the plan against the schema (the hook {@link #check}), and
 * render it for a dialect ({@link Renderer}):
 *
 * <pre>{@code
 * Compilation compilation = Compilation.load(versions);        // load, lock check, graph
 * Plan plan = compilation.plan(Direction.UPGRADE, range);      // plan, schema checks
 * Plan rollback = compilation.rollback(plan);                  // Plan.inverse(), never re-planned
 * RenderedScript script = compilation.render(plan, dialect, options);
 * }</pre>
 *
 * <p>A range is parsed once, where the user typed it ({@link Range#parse}); a range strata makes
 * (a database's rows, a revision's parents) is built from targets ({@link Range#of}, {@link
 * Range#startingAt}), never from text.
 */
public final class Compilation {
  private final List<RevisionFile> files;
  private final Optional<LockFile> lock;
  private final RevisionGraph graph;
  private final Planner planner;
  private List<Diagnostic> schemaDiagnostics;
  /** The lint task whose pass makes the schema checks ({@link #checksFrom}), when there is one. */
  private Background.Task<?> checking;
  /** How many times {@link #schemaChecks()} replayed the graph itself (0 or 1; for tests). */
  int ownChecks;
  private final java.util.Map<Dialect, Replay> replays = new java.util.EnumMap<>(Dialect.class);

  private Compilation(List<RevisionFile> files, Optional<LockFile> lock, RevisionGraph graph) {
    this.files = List.copyOf(files);
    this.lock = Objects.requireNonNull(lock, "lock");
    this.graph = graph;
    this.planner = new Planner(graph);
  }

  /**
   * Loads {@code versions}, checks its revision files against its {@code strata.sum} when there
   * is one, and builds the graph: what {@code upgrade}, {@code downgrade} and {@code bundle} start
   * with.
   *
   * @throws DiagnosticException the loader's and the graph's diagnostics (E01xx, E02xx), and a
   *     revision changed since {@code strata lock} (E0209–E0213)
   */
  public static Compilation load(Path versions) throws DiagnosticException {
    return load(versions, ParseCache.none());
  }

  /** As {@link #load(Path)}, with the parsed files of {@code cache} ({@link ParseCache}). */
  public static Compilation load(Path versions, ParseCache cache) throws DiagnosticException {
    List<RevisionFile> files = VersionsLoader.load(versions, cache);
    Optional<LockFile> lock = LockFile.verified(versions, files);
    return new Compilation(files, lock, RevisionGraph.build(files));
  }

  /**
   * Loads {@code versions} and builds the graph without the lock check: the commands that read
   * the chain ({@code status}, {@code show}) rather than make a script to apply.
   *
   * @throws DiagnosticException the loader's and the graph's diagnostics (E01xx, E02xx)
   */
  public static Compilation unlocked(Path versions) throws DiagnosticException {
    return unlocked(versions, ParseCache.none());
  }

  /** As {@link #unlocked(Path)}, with the parsed files of {@code cache} ({@link ParseCache}). */
  public static Compilation unlocked(Path versions, ParseCache cache) throws DiagnosticException {
    List<RevisionFile> files = VersionsLoader.load(versions, cache);
    return new Compilation(files, Optional.empty(), RevisionGraph.build(files));
  }

  /** The pipeline over a graph already built ({@code strata check} loads and checks itself). */
  public static Compilation of(RevisionGraph graph) {
    return new Compilation(graph.revisions(), Optional.empty(), graph);
  }

  /** The revision files, in file order. */
  public List<RevisionFile> files() {
    return files;
  }

  /** The lock file the revisions were checked against; empty when none (or not checked). */
  public Optional<LockFile> lock() {
    return lock;
  }

  /** The revision graph. */
  public RevisionGraph graph() {
    return graph;
  }

  /** The planner over {@link #graph()}: for resolving targets ({@link Planner#resolve}). */
  public Planner planner() {
    return planner;
  }

  /**
   * Plans {@code direction} over {@code range} and checks the plan against the schema.
   *
   * @throws DiagnosticException the planner's diagnostics ({@link Planner#plan}: E03xx)
   */
  public Plan plan(Direction direction, Range range) throws DiagnosticException {
    Plan plan = planner.plan(direction, range);
    check(plan);
    return plan;
  }

  /**
   * Plans {@code direction} over {@code range} and starts its schema checks on another thread
   * ({@link Background}): the caller renders meanwhile on this one, then calls {@link
   * Checked#checked()}, which waits for the checks and throws their errors, before it writes
   * anything. What lets {@code upgrade} keep both cores busy: the checks replay the whole graph.
   *
   * @throws DiagnosticException the planner's diagnostics ({@link Planner#plan}: E03xx)
   */
  public Checked planChecking(Direction direction, Range range) throws DiagnosticException {
    return planChecking(planner.plan(direction, range));
  }

  /**
   * Plans an upgrade over {@code range}, then starts its schema checks and its lint ({@code
   * lint}) on another thread, as {@link #planChecking} does. When lint's models are PostgreSQL's,
   * the model the checks replay ({@link SchemaChecks}), both come from one pass over the graph
   * ({@link Replay#diagnosticsAlongPlan}) on one thread; for another dialect lint replays that
   * dialect's model on a thread of its own ({@link Replay#alongPlan}).
   *
   * @param dialect the dialect lint replays
   * @throws DiagnosticException the planner's diagnostics ({@link Planner#plan}: E03xx)
   */
  public Linted planLinting(Range range, DialectId dialect, LintJob lint)
      throws DiagnosticException {
    Plan plan = planner.plan(Direction.UPGRADE, range);
    Linter.Walk walk = lintWalk(dialect);
    boolean both = checksLint(dialect);
    Background.Task<List<Finding>> linting = Background.start(
        both ? "strata-checks" : "strata-lint", () -> lint.findings(plan, walk));
    if (both) {
      checksFrom(linting); // a rollback's or another plan's checks wait for this pass too
    }
    return new Linted(both ? new Checked(plan, linting) : planChecking(plan), linting);
  }

  /**
   * As {@link #planLinting}, for a caller that renders the plan for {@code dialect} next, with
   * {@link Rendering#models()}: for a dialect that renders from the model (MySQL, SQLite), lint
   * reads the models of rendering's replay ({@link ModelHandoff}) instead of replaying that
   * dialect's model a second time beside it; PostgreSQL's lint makes the schema checks in its
   * pass, as with {@link #planLinting}. The caller calls {@link Rendering#rendered()} once it has
   * rendered or failed to.
   *
   * @throws DiagnosticException the planner's diagnostics ({@link Planner#plan}: E03xx)
   */
  public Rendering planRendering(Range range, Dialect dialect, LintJob lint)
      throws DiagnosticException {
    if (!lintReadsRendering(dialect)) {
      return new Rendering(planLinting(range, dialect.dialectId(), lint), replay(dialect));
    }
    Plan plan = planner.plan(Direction.UPGRADE, range);
    ModelHandoff handoff = new ModelHandoff(replay(dialect), plan);
    Background.Task<List<Finding>> linting =
        Background.start("strata-lint", () -> handoff.lint(lint));
    return new Rendering(new Linted(planChecking(plan), linting), handoff);
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
   * A plan checked and linted on other threads ({@link #planRendering}), to be rendered on this
   * one from {@link #models()}.
   *
   * @param linted the plan, its checks and its lint
   * @param models what rendering reads the models from ({@link #prepare(Plan, Dialect,
   *     ScriptOptions, PlanModels)}): the compilation's replay of the dialect, or one that lint
   *     reads too ({@link ModelHandoff})
   */
  public record Rendering(Linted linted, PlanModels models) {
    /** Checks the components. */
    public Rendering {
      Objects.requireNonNull(linted, "linted");
      Objects.requireNonNull(models, "models");
    }

    /**
     * Says that rendering is over, walked or not: lint, when it waits for rendering's models,
     * then stops waiting (its task throws, unjoined, when rendering failed before it walked).
     * Idempotent.
     */
    public void rendered() {
      if (models instanceof ModelHandoff handoff) {
        handoff.close();
      }
    }
  }

  /**
   * Whether {@link #lintWalk} of {@code dialect} also makes the schema checks: lint's models are
   * then the PostgreSQL model the checks replay ({@link SchemaChecks}).
   */
  public static boolean checksLint(DialectId dialect) {
    return dialect == DialectId.POSTGRESQL;
  }

  /**
   * The walk over the models around a plan's steps that lint takes ({@link Linter.Walk}),
   * replayed for {@code dialect}. When {@link #checksLint} of it, the walk is one pass that also
   * makes the schema checks of the whole graph ({@link Replay#diagnosticsAlongPlan}) and keeps
   * them as {@link #schemaChecks()}'s answer, so that a caller that lints before it asks for the
   * checks replays once; else a replay of its own ({@link Replay#alongPlan}).
   */
  public Linter.Walk lintWalk(DialectId dialect) {
    if (!checksLint(dialect)) {
      return Replay.of(graph, dialect)::alongPlan;
    }
    return (plan, visitor) -> {
      Replay.Checked found = Replay.of(graph).diagnosticsAlongPlan(plan, visitor);
      checked(found.diagnostics());
      if (!found.walkErrors().isEmpty()) {
        throw new DiagnosticException(found.walkErrors());
      }
    };
  }

  /** Starts the schema checks of {@code plan} on another thread. */
  private Checked planChecking(Plan plan) {
    return new Checked(plan, Background.start("strata-checks", () -> {
      schemaChecks();
      return null;
    }));
  }

  /** Lint over a plan, given a walk over the models around its steps ({@link Linter.Walk}). */
  @FunctionalInterface
  public interface LintJob {
    /**
     * The findings on {@code plan}'s steps, their models from {@code walk}.
     *
     * @throws DiagnosticException what {@code walk} throws, and lint's own errors
     */
    List<Finding> findings(Plan plan, Linter.Walk walk) throws DiagnosticException;
  }

  /**
   * A plan whose schema checks and lint run on other threads ({@link #planLinting}).
   *
   * @param checking the plan and its checks
   * @param lint the lint task: its findings, or what it threw
   */
  public record Linted(Checked checking, Background.Task<List<Finding>> lint) {
    /** Checks the components. */
    public Linted {
      Objects.requireNonNull(checking, "checking");
      Objects.requireNonNull(lint, "lint");
    }
  }

  /**
   * A plan whose schema checks run on another thread ({@link #planChecking}, {@link
   * #planLinting}).
   */
  public final class Checked {
    private final Plan plan;
    private final Background.Task<?> replay;

    private Checked(Plan plan, Background.Task<?> replay) {
      this.plan = Objects.requireNonNull(plan, "plan");
      this.replay = Objects.requireNonNull(replay, "replay");
    }

    /** The plan, to lint and render while the checks run. */
    public Plan plan() {
      return plan;
    }

    /**
     * The plan, once its schema checks have passed: waits for the replay that makes them.
     *
     * @throws DiagnosticException the schema errors located in the plan's revision files
     */
    public Plan checked() throws DiagnosticException {
      try {
        replay.join();
      } catch (DiagnosticException e) {
        // lint's own, when the checks' replay also lints: the lint task's join throws it again,
        // after the checks' errors, which come first
      }
      check(plan);
      return plan;
    }
  }

  /**
   * The plan that undoes {@code plan} exactly: {@link Plan#inverse()}, never a downgrade re-planned
   * from its end rows (which drops only the descendants of the start, and an upgrade may also
   * apply another branch or a dependency).
   *
   * @throws DiagnosticException E0630–E0633 for each revision without a {@code -- +downgrade}
   *     section whose downgrade cannot be derived ({@link Planner#downgradeOf})
   */
  public Plan rollback(Plan plan) throws DiagnosticException {
    Plan rollback = plan.inverse(planner::downgradeOf);
    check(rollback);
    return rollback;
  }

  /**
   * {@code plan} rendered for {@code dialect} with {@code options}.
   *
   * @throws DiagnosticException as {@link Renderer#renderScript} (E04xx, E0216)
   */
  public RenderedScript render(Plan plan, Dialect dialect, ScriptOptions options)
      throws DiagnosticException {
    return Renderer.forDialect(dialect).renderScript(plan, options, replay(dialect));
  }

  /**
   * Renders {@code plan} for {@code dialect} with {@code options} as {@link #render} does and
   * keeps none of its text ({@link Renderer#compileScript}): what {@code strata check} asks of a
   * plan, in memory flat in the number of revisions. The models come from {@code models}: {@link
   * #replay}'s, or the same models shared with lint ({@link ModelHandoff}).
   *
   * @throws DiagnosticException as {@link #render}
   */
  public void compile(Plan plan, Dialect dialect, ScriptOptions options, PlanModels models)
      throws DiagnosticException {
    Renderer.forDialect(dialect).compileScript(plan, options, models);
  }

  /**
   * {@code plan} rendered for {@code dialect} with {@code options} and not yet written ({@link
   * Renderer#prepareScript}): its text is written by {@link PreparedScript#writeTo}, and memory
   * stays flat in the number of revisions; the caller closes it.
   *
   * @throws DiagnosticException as {@link Renderer#renderScript} (E04xx, E0216)
   */
  public PreparedScript prepare(Plan plan, Dialect dialect, ScriptOptions options)
      throws DiagnosticException {
    return Renderer.forDialect(dialect).prepareScript(plan, options, replay(dialect));
  }

  /**
   * As {@link #prepare}, the models read from {@code models}: those a replay kept for many plans
   * ({@link #keptAlong}), the same models a replay of its own gives.
   *
   * @throws DiagnosticException as {@link Renderer#renderScript} (E04xx, E0216)
   * @throws IllegalArgumentException for a plan {@code models} were not kept for
   */
  public PreparedScript prepare(Plan plan, Dialect dialect, ScriptOptions options,
      PlanModels models) throws DiagnosticException {
    return Renderer.forDialect(dialect).prepareScript(plan, options, models);
  }

  /**
   * The models along each of {@code plans} for {@code dialect} from one replay pass ({@link
   * Replay#keptAlong}), for {@link #prepare(Plan, Dialect, ScriptOptions, PlanModels)}: a bundle's
   * per-revision scripts without a replay of the history per script. For a dialect that does not
   * render from the model, the replay itself, which it never reads.
   *
   * @throws DiagnosticException the replay's errors (E06xx) in the revisions the plans start from
   */
  public PlanModels keptAlong(List<Plan> plans, Dialect dialect) throws DiagnosticException {
    return dialect.rendersFromModel() ? replay(dialect).keptAlong(plans) : replay(dialect);
  }

  /**
   * As {@link #prepare}, its {@link PreparedScript#segments()} listing each statement's first
   * line as {@link #render}'s do ({@link Renderer#prepareDescribedScript}): a bundle's scripts.
   *
   * @throws DiagnosticException as {@link Renderer#renderScript} (E04xx, E0216)
   */
  public PreparedScript prepareDescribed(Plan plan, Dialect dialect, ScriptOptions options)
      throws DiagnosticException {
    return Renderer.forDialect(dialect).prepareDescribedScript(plan, options, replay(dialect));
  }

  /**
   * The schema stage, between planning and rendering: the graph is replayed into schema models
   * ({@link Replay}) once per compilation, and the errors of the semantic checks ({@link
   * SchemaChecks}: E0601-E0620) in the revisions {@code plan} runs stop it, so that every command
   * that plans (upgrade, downgrade, bundle, show, status) refuses a revision that would fail on
   * the database. Warnings (W0621, a model blinded by a hand edit) are left to {@code strata
   * check}, which prints them.
   *
   * @throws DiagnosticException the schema errors located in the plan's revision files
   */
  private void check(Plan plan) throws DiagnosticException {
    Set<SourceFile> planned = new HashSet<>();
    plan.steps().forEach(step -> planned.add(step.revision().source()));
    List<Diagnostic> errors = schemaChecks().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .filter(d -> d.location().map(at -> planned.contains(at.source())).orElse(false))
        .toList();
    if (!errors.isEmpty()) {
      throw new DiagnosticException(errors);
    }
  }

  /**
   * The replay of the graph into the model of a {@code dialect} database, made once per dialect:
   * what a dialect that renders from the model reads.
   */
  public synchronized Replay replay(Dialect dialect) {
    return replays.computeIfAbsent(dialect, d -> Replay.of(graph, d.dialectId()));
  }

  /**
   * Every diagnostic of the schema checks of the graph ({@link SchemaChecks}: E0601-E0620,
   * W0621), errors and warnings, computed once per compilation (one replay of the graph), however
   * many plans are checked: what {@code strata check} reports.
   */
  public List<Diagnostic> schemaChecks() {
    Background.Task<?> pending;
    synchronized (this) {
      if (schemaDiagnostics != null) {
        return schemaDiagnostics;
      }
      pending = checking;
    }
    if (pending != null && !pending.runsHere()) {
      try {
        pending.join();
      } catch (DiagnosticException | RuntimeException e) {
        // the task's starter joins it too and reports what it threw; the checks are made below
      }
    }
    synchronized (this) {
      if (schemaDiagnostics == null) {
        schemaDiagnostics = SchemaChecks.check(graph);
        ownChecks++;
      }
      return schemaDiagnostics;
    }
  }

  /**
   * Lets {@link #schemaChecks()} wait for {@code task} instead of replaying the graph beside it:
   * {@code task} lints over a {@link #lintWalk} for a dialect that {@link #checksLint}, whose one
   * pass makes the schema checks too. Its starter registers it before anything asks for the
   * checks. When the task ends without having made them (lint stopped before its walk ended),
   * {@link #schemaChecks()} makes them itself; on the task's own thread it never waits.
   */
  synchronized void checksFrom(Background.Task<?> task) {
    checking = Objects.requireNonNull(task, "task");
  }

  /**
   * Keeps {@code diagnostics}, the schema checks of the whole graph made by a pass that also
   * linted ({@link Replay#diagnosticsAlongPlan}), as {@link #schemaChecks()}'s answer.
   */
  private synchronized void checked(List<Diagnostic> diagnostics) {
    if (schemaDiagnostics == null) {
      schemaDiagnostics = List.copyOf(diagnostics);
    }
  }
}
