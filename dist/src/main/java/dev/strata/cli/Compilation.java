package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
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
    List<RevisionFile> files = VersionsLoader.load(versions);
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
    List<RevisionFile> files = VersionsLoader.load(versions);
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
    return Renderer.forDialect(dialect).renderScript(plan, options);
  }

  /**
   * The schema stage, between planning and rendering: where the replay of the graph into schema
   * models ({@code dev.strata.compiler.schema.Replay}) and the semantic checks of issue 9 plug in,
   * so that every command that plans (upgrade, downgrade, bundle, show, status, check) runs them.
   * Nothing is checked yet: the replay is not written.
   */
  private void check(Plan plan) {
    Objects.requireNonNull(plan, "plan");
  }
}
