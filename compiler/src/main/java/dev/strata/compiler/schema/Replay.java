package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Severity;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replays a revision graph's upgrade sections into {@link SchemaModel}s, offline, checking every
 * statement against the model it runs on (see {@link SchemaCode} and {@code docs/schema-model.md}).
 *
 * <p>Revisions are applied in graph order: each after its parents and {@code depends-on}
 * revisions, file order breaking ties. One mutable model is carried along a chain, so that a
 * linear chain costs one pass; the model is copied only where the graph forks (a revision with
 * several children), before a merge, and at the revisions asked for. A revision with several
 * parents (a merge, or a dependency) starts from the union of their models: a three-way merge
 * against the model of their latest common ancestors, where an object changed on one side only
 * takes that side's state, and an object changed on two sides is a conflict (E0619: in a
 * database the second change would meet the first); {@link RecursiveMerge} makes it.
 */
public final class Replay implements PlanModels {
  private final RevisionGraph graph;
  final DialectId dialect;
  /** The pass {@link #during} reads, made once ({@link #everyRevision}). */
  private ReplayPass everyRevision;
  /** The graph's revisions in replay order, with each one's parents and children by index. */
  final GraphOrder graphOrder;
  private final List<RevisionFile> order;
  final Map<String, Integer> position;
  private final List<List<Integer>> before;
  private final List<List<Integer>> after;
  /** Where the steps of a plan start, and how they run on a pass's models. */
  final PlanWalk planWalk;

  private Replay(RevisionGraph graph, DialectId dialect) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.graphOrder = new GraphOrder(graph);
    this.order = graphOrder.order();
    this.position = graphOrder.position();
    this.before = graphOrder.before();
    this.after = graphOrder.after();
    this.planWalk = new PlanWalk(this);
  }

  /** A replay of {@code graph}'s revisions into the model of a PostgreSQL database. */
  public static Replay of(RevisionGraph graph) {
    return new Replay(graph, DialectId.POSTGRESQL);
  }

  /**
   * A replay of {@code graph}'s revisions into the model of a {@code dialect} database: the
   * neutral statements, and the {@code -- +dialect} blocks of that dialect (through their {@code
   * -- +model} blocks, else as hand edits); blocks of other dialects never run there.
   */
  public static Replay of(RevisionGraph graph, DialectId dialect) {
    return new Replay(graph, dialect);
  }

  /** The dialect whose database this replays. */
  @Override
  public DialectId dialect() {
    return dialect;
  }

  /** The graph this replays. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The schema of a database whose version table holds {@code heads}: every revision in {@code
   * heads} and all their ancestors applied, in graph order (a merge sees the union of its
   * parents); {@link SchemaModel#empty()} for no heads (base).
   *
   * @throws DiagnosticException when a revision on the way fails a check (E06xx errors, with the
   *     position of the offending name); warnings do not throw
   * @throws IllegalArgumentException for an id that is not in the graph
   */
  public SchemaModel at(Collection<String> heads) throws DiagnosticException {
    return atEach(List.of(heads)).getFirst();
  }

  /**
   * {@link #at} for each of {@code headSets}, in order, from one pass over the revisions they
   * need: what a bundle's {@code CHANGES.md} needs at every step, without replaying the chain
   * once per step. Keeps one model per head set.
   *
   * @throws DiagnosticException as {@link #at}
   * @throws IllegalArgumentException for an id that is not in the graph
   */
  public List<SchemaModel> atEach(List<? extends Collection<String>> headSets)
      throws DiagnosticException {
    BitSet targets = new BitSet();
    for (Collection<String> heads : headSets) {
      targets.or(graphOrder.indices(heads));
    }
    ReplayPass pass = run(targets, false);
    pass.throwOnErrors();
    List<SchemaModel> out = new ArrayList<>(headSets.size());
    for (Collection<String> heads : headSets) {
      out.add(heads.isEmpty() ? SchemaModel.empty() : pass.merged(graphOrder.indices(heads)).model());
    }
    return List.copyOf(out);
  }

  /** The schema right after {@code revision} (and its ancestors) is applied. */
  public SchemaModel after(String revision) throws DiagnosticException {
    return at(List.of(revision));
  }

  /**
   * The schema around each upgrade statement of {@code revision}: element 0 is the model before
   * the revision (its parents' and {@code depends-on} revisions' models merged), element {@code
   * i + 1} the model once its statement {@code i} has run. What {@link DerivedDowngrade} inverts
   * statement by statement.
   *
   * @throws DiagnosticException when a revision on the way, or this one, fails a check (E06xx)
   * @throws IllegalArgumentException for an id that is not in the graph
   */
  public List<SchemaModel> during(String revision) throws DiagnosticException {
    int k = graphOrder.indices(List.of(revision)).nextSetBit(0);
    BitSet parents = new BitSet();
    before.get(k).forEach(parents::set);
    ReplayPass pass = everyRevision();
    if (!errors(pass.diagnostics).isEmpty()) { // rare: then those on the way here (O(history))
      Set<dev.strata.grammar.SourceFile> onTheWay = new java.util.HashSet<>();
      graphOrder.closure(parents).stream().forEach(a -> onTheWay.add(order.get(a).source()));
      throwErrors(pass.diagnostics.stream()
          .filter(d -> d.location().map(at -> onTheWay.contains(at.source())).orElse(true))
          .toList());
    }
    ModelState state = parents.isEmpty() ? new ModelState() : pass.merged(parents).copy();
    List<Diagnostic> own = new ArrayList<>();
    List<SchemaModel> out = new ArrayList<>();
    out.add(state.model());
    Applier applier = new Applier(state, order.get(k), own, dialect);
    for (var statement : order.get(k).upgrade().statements()) {
      applier.apply(statement);
      out.add(state.model());
    }
    throwErrors(own);
    return List.copyOf(out);
  }

  /**
   * One pass over every revision that keeps the state after each (each a constant-time copy of
   * the persistent model), made on the first {@link #during} and kept: a planner that derives the
   * downgrade of many revisions asks for many of them, and a pass per revision made that
   * quadratic.
   */
  private synchronized ReplayPass everyRevision() {
    if (everyRevision == null) {
      everyRevision = run(graphOrder.allIndices(), true);
    }
    return everyRevision;
  }

  /**
   * The schema around each statement of each step of {@code plan}, whatever its direction: element
   * {@code i} holds, for step {@code i}, the model of the whole database before the step (at the
   * rows before it, as {@link #at} gives) followed by the model once each statement of the step's
   * body has run. What a dialect that restates whole definitions renders from (MySQL's {@code
   * MODIFY COLUMN}, SQLite's table rebuild). One pass to every step's starting rows.
   *
   * @throws DiagnosticException when a revision on the way, or a step's statement, fails a check
   *     (E06xx)
   */
  public List<List<SchemaModel>> alongPlan(dev.strata.compiler.Plan plan)
      throws DiagnosticException {
    List<List<SchemaModel>> out = new ArrayList<>();
    alongPlan(plan, (i, models) -> out.add(models));
    return List.copyOf(out);
  }

  /** Receives the models of each step of a plan, in plan order ({@link #alongPlan(dev.strata.compiler.Plan, StepModels)}). */
  @FunctionalInterface
  public interface StepModels {
    /**
     * The models around step {@code index}: the model before the step, then one per statement
     * of its body once that statement has run. Immutable snapshots, cheap to keep for one step;
     * a caller that keeps them for every step holds every version of the model.
     */
    void step(int index, List<SchemaModel> models) throws DiagnosticException;
  }

  /**
   * As {@link #alongPlan(dev.strata.compiler.Plan)}, handing each step's models to {@code
   * visitor} as they are made, so that memory stays flat in the number of steps. An upgrade step
   * that starts exactly where the previous one ended (the previous step's revision is the only
   * row, and it is all this step's revision comes after) continues on the previous step's state;
   * only the other steps start from the replay pass's snapshots, which are kept for those points
   * alone ({@link PlanWalk}). Linear in the number of revisions.
   *
   * @throws DiagnosticException when a revision on the way, or a step's statement, fails a check
   *     (E06xx); the visitor's own
   */
  @Override
  public void alongPlan(dev.strata.compiler.Plan plan, StepModels visitor)
      throws DiagnosticException {
    PlanWalk.Starts starts = planWalk.starts(plan);
    ReplayPass pass = run(starts.targets(), false);
    pass.throwOnErrors();
    planWalk.walk(plan, starts, pass, pass.diagnostics, visitor);
    pass.throwOnErrors();
  }

  /**
   * The models along each of {@code plans} ({@link #alongPlan(dev.strata.compiler.Plan,
   * StepModels)} of any of them) from one pass over the revisions they need, which keeps the model
   * at every point where a step of one of them starts from the rows before it: what a bundle's
   * per-revision scripts read, one plan per step of the upgrade and of the rollback, without
   * replaying the history once per script. The models handed out are those {@link #alongPlan}
   * gives. Memory grows with those points (each a constant-time copy of the persistent model).
   *
   * @throws DiagnosticException the errors of the pass (E06xx) at once, in any revision the plans
   *     start from; a step's statements' errors when its plan is walked
   */
  public PlanModels keptAlong(List<dev.strata.compiler.Plan> plans) throws DiagnosticException {
    BitSet targets = new BitSet();
    for (var plan : plans) {
      targets.or(planWalk.starts(plan).targets());
    }
    ReplayPass pass = run(targets, false);
    pass.throwOnErrors();
    return planWalk.kept(pass, targets);
  }

  /**
   * The schema after each revision, by revision id, in graph order: one pass that keeps a copy of
   * the model per revision (memory grows with revisions times schema size; use {@link #at} for
   * one point).
   */
  public Map<String, SchemaModel> models() throws DiagnosticException {
    ReplayPass pass = run(graphOrder.allIndices(), true);
    pass.throwOnErrors();
    Map<String, SchemaModel> out = new LinkedHashMap<>();
    for (int k = 0; k < order.size(); k++) {
      out.put(order.get(k).id(), pass.snapshots.get(k).model());
    }
    return out;
  }

  /**
   * Every diagnostic of the schema checks for the whole graph, errors and warnings, in graph
   * order of the revisions they are found in. One pass to the graph's sinks (the revisions that
   * nothing revises or depends on), whose ancestors are every revision: it keeps models only
   * where the graph forks or merges, as {@link #at} does, never one per revision.
   */
  public List<Diagnostic> diagnostics() {
    return run(graphOrder.sinks(), false).diagnostics;
  }

  /**
   * The schema checks of the whole graph and the models along an upgrade {@code plan}, from one
   * pass: what {@link #diagnostics()} gives, made while {@code visitor} receives what {@link
   * #alongPlan(dev.strata.compiler.Plan, StepModels)} would hand it, so that {@code upgrade} checks
   * and lints with one replay instead of two. A step whose revision starts from exactly the rows
   * of its parents and dependencies (every step of a linear plan) gets the pass's own models as
   * the pass applies its revision; any other step (a branch applied after another, a step that
   * starts below a head) starts from the pass's snapshots once the pass is done, as {@code
   * alongPlan} starts it. Steps therefore reach {@code visitor} in graph order, not plan order;
   * a visitor that needs plan order sorts by the index. Linear in the number of revisions.
   *
   * <p>The visitor is no longer called once an error is found in a revision the plan starts from
   * or runs (where {@code alongPlan} would stop); those errors, and the errors of the steps
   * applied from snapshots, are {@link Checked#walkErrors()}: what {@code alongPlan} would throw.
   *
   * @throws DiagnosticException the visitor's own
   */
  public Checked diagnosticsAlongPlan(dev.strata.compiler.Plan plan, StepModels visitor)
      throws DiagnosticException {
    return CheckedWalk.walk(this, plan, visitor);
  }

  /**
   * Applies the statements of {@code step}'s body to {@code state} with {@code applier}: the
   * model before the step, then the model after each statement (what {@link StepModels} gets).
   */
  static List<SchemaModel> applyStep(Applier applier, ModelState state,
      dev.strata.compiler.Step step) {
    List<SchemaModel> models = new ArrayList<>(step.body().statements().size() + 1);
    models.add(state.model());
    for (var statement : step.body().statements()) {
      applier.apply(statement);
      models.add(state.model());
    }
    return models;
  }

  /**
   * What {@link #diagnosticsAlongPlan} found.
   *
   * @param diagnostics every diagnostic of the schema checks of the whole graph, as {@link
   *     #diagnostics()} gives them
   * @param walkErrors the errors that stopped the walk along the plan: what {@link
   *     #alongPlan(dev.strata.compiler.Plan, StepModels)} would have thrown; empty when every step
   *     reached the visitor
   */
  public record Checked(List<Diagnostic> diagnostics, List<Diagnostic> walkErrors) {
    /** Copies the lists. */
    public Checked {
      diagnostics = List.copyOf(diagnostics);
      walkErrors = List.copyOf(walkErrors);
    }
  }

  /**
   * How a pass applies revision {@code k} to {@code state} with {@code applier}; {@code found} is
   * the pass's diagnostics, those from index {@code mark} on found at {@code k} (its merge's).
   */
  @FunctionalInterface
  interface Apply {
    void apply(int k, Applier applier, ModelState state, List<Diagnostic> found, int mark)
        throws DiagnosticException;
  }

  /** One pass over the revisions {@code targets} need. */
  ReplayPass run(BitSet targets, boolean keepAll) {
    try {
      return run(targets, keepAll, (k, applier, state, found, mark) -> applier.applyRevision());
    } catch (DiagnosticException e) {
      throw new IllegalStateException("applying a revision throws no diagnostics", e);
    }
  }

  /** One pass over the revisions {@code targets} need, each revision applied by {@code apply}. */
  ReplayPass run(BitSet targets, boolean keepAll, Apply apply) throws DiagnosticException {
    BitSet need = graphOrder.closure(targets);
    ReplayPass pass = new ReplayPass(need, graph, before, position, order);
    ModelState current = null;
    int currentAt = -1;
    for (int k = need.nextSetBit(0); k >= 0; k = need.nextSetBit(k + 1)) {
      int mark = pass.diagnostics.size();
      List<Integer> parents = before.get(k);
      ModelState state;
      if (parents.isEmpty()) {
        state = new ModelState();
      } else if (parents.size() == 1 && parents.getFirst() == currentAt) {
        state = current;
      } else if (parents.size() == 1) {
        state = pass.state(parents.getFirst()).copy();
      } else {
        state = pass.merge(parents, order.get(k));
      }
      apply.apply(k, new Applier(state, order.get(k), pass.diagnostics, dialect), state,
          pass.diagnostics, mark);
      current = state;
      currentAt = k;
      if (keepAll || targets.get(k) || graphOrder.keep(k, need)) {
        pass.snapshots.put(k, state.copy());
      }
    }
    return pass;
  }

  static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /** Throws the errors among {@code diagnostics}, if any. */
  static void throwErrors(List<Diagnostic> diagnostics) throws DiagnosticException {
    List<Diagnostic> errors = errors(diagnostics);
    if (!errors.isEmpty()) {
      throw new DiagnosticException(errors);
    }
  }
}
