package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
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
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one compilation pipeline, which every command that plans or renders runs: load the versions
 * directory ({@link VersionsLoader}), check it against {@code strata.sum} ({@link
 * LockFile#verified}), build the {@link RevisionGraph}, then per request plan a typed {@link
 * Range} ({@link Planner}), check the plan against the schema (the hook {@link #check}), and
 * render it for a dialect ({@link Renderer}). A command that renders or lints while the checks run
 * starts them on other threads through {@link PlanTasks}:
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
  private final SchemaStage schema;
  private final java.util.Map<Dialect, Replay> replays = new java.util.EnumMap<>(Dialect.class);

  private Compilation(List<RevisionFile> files, Optional<LockFile> lock, RevisionGraph graph) {
    this.files = List.copyOf(files);
    this.lock = Objects.requireNonNull(lock, "lock");
    this.graph = graph;
    this.planner = new Planner(graph);
    this.schema = new SchemaStage(graph);
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
   * The upgrade of {@code range} for a command that lists its revisions ({@link
   * Planner#listing}: E0305 in the words of a listing), checked as {@link #plan} checks it.
   *
   * @throws DiagnosticException as {@link #plan}
   */
  public Plan listing(Range range) throws DiagnosticException {
    Plan plan = planner.listing(range);
    check(plan);
    return plan;
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
   * stays flat in the number of revisions; the caller closes it. The models come from {@code
   * models}: {@link #replay}'s, the same models kept for many plans ({@link #keptAlong}), or
   * shared with lint ({@link ModelHandoff}).
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
   * The schema stage, between planning and rendering: the errors of the semantic checks of the
   * graph ({@link SchemaStage}) in the revisions {@code plan} runs stop it, so that every command
   * that plans (upgrade, downgrade, bundle, show, status) refuses a revision that would fail on
   * the database.
   *
   * @throws DiagnosticException the schema errors located in the plan's revision files
   */
  private void check(Plan plan) throws DiagnosticException {
    schema.check(plan);
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
   * W0621), errors and warnings, computed once per compilation (one replay of the graph, or lint's
   * pass that makes them too: {@link PlanTasks}), however many plans are checked: what {@code
   * strata check} reports.
   */
  public List<Diagnostic> schemaChecks() {
    return schema.diagnostics();
  }

  /** The schema stage: the checks of the graph, made once ({@link SchemaStage}). */
  SchemaStage schema() {
    return schema;
  }
}
