package dev.strata.compiler;

import dev.strata.compiler.schema.DerivedDowngrade;
import dev.strata.compiler.schema.Replay;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns a range typed by the user into a {@link Plan}: which revisions run, in which order, and
 * what each does to the version table. The set of revisions and their order are Alembic's ({@code
 * RevisionMap._collect_upgrade_revisions}, {@code _collect_downgrade_revisions}, {@code
 * _topological_sort}); see {@code docs/revision-graph.md} for where strata differs on purpose.
 */
public final class Planner {
  private final RevisionGraph graph;
  private final TargetResolver resolver;
  private Replay replay;
  private final Map<String, Section> derived = new HashMap<>();

  public Planner(RevisionGraph graph) {
    this.graph = graph;
    this.resolver = new TargetResolver(graph);
  }

  /**
   * The body of {@code file}'s downgrade step: its {@code -- +downgrade} section, or, when it has
   * none, the downgrade derived from the schema model ({@link DerivedDowngrade}), computed once.
   *
   * @throws DiagnosticException E0630–E0633 when the downgrade cannot be derived; the schema
   *     checks' errors (E06xx) when the chain up to {@code file} does not replay
   */
  public synchronized Section downgradeOf(RevisionFile file) throws DiagnosticException {
    if (file.downgrade().isPresent()) {
      return file.downgrade().get();
    }
    Section body = derived.get(file.id());
    if (body == null) {
      if (replay == null) {
        replay = Replay.of(graph);
      }
      body = DerivedDowngrade.derive(file, replay.during(file.id()));
      derived.put(file.id(), body);
    }
    return body;
  }

  /**
   * The revisions that {@code targets} names (one side of a range, as {@link Range#targets} parses
   * it), each once, in file order; {@code base} and {@code LABEL@base} give no revision (as
   * Alembic's {@code get_revisions}). A relative step needs a revision to count from here ({@code
   * head-1}, not {@code -1}).
   *
   * @throws DiagnosticException the resolution errors of {@link #plan} (E0302–E0304,
   *     E0308–E0312); positions point into {@code <range>}
   * @throws IllegalArgumentException when {@code targets} has a FROM side
   */
  public List<String> resolve(Range targets) throws DiagnosticException {
    if (targets.from().isPresent()) {
      throw new IllegalArgumentException("expected the targets of one side, not a range");
    }
    Range spec = targets;
    List<Diagnostic> problems = new ArrayList<>();
    TargetResolver.Side found =
        resolver.resolve(spec.source(), spec.to(), new TargetResolver.Context.Alone(), problems);
    throwIf(problems);
    return indices(found.revisions()).stream()
        .sorted()
        .map(i -> graph.revisions().get(i).id())
        .toList();
  }

  /**
   * Plans {@code direction} over {@code range}: {@code FROM:TO}, or just {@code TO} for an upgrade
   * from base, parsed by {@link Range#parse} or made by strata ({@link Range#of}, {@link
   * Range#startingAt}). Each side is {@code base}, or a comma-separated list of targets: {@code
   * head}, {@code heads}, ids, unique id prefixes, branch labels, {@code BRANCH@head}, {@code
   * BRANCH@heads}, {@code BRANCH@base}, {@code BRANCH@REV}, and relative steps ({@code +N}, {@code
   * -N} counting from FROM on the TO side; {@code REV+N}, {@code head-N}, {@code BRANCH@head-N},
   * {@code BRANCH@-N}); see {@code docs/revision-graph.md}. Several {@code FROM} revisions describe
   * a database with several heads.
   *
   * @throws DiagnosticException E0301 malformed range (or a downgrade without {@code FROM:}), E0302
   *     unknown revision, E0303 ambiguous prefix, E0304 {@code head} or {@code BRANCH@head} with
   *     several heads, E0305 a range that goes the wrong way, E0630–E0633 a downgrade through a revision
   *     without a {@code -- +downgrade} section whose downgrade cannot be derived ({@link
   *     #downgradeOf}), E0307 two revisions of one side where one is an
   *     ancestor of the other, E0308 unknown branch, E0309 a revision not on the branch that
   *     qualifies it, E0310 an ambiguous relative step, E0311 a relative step past a head or
   *     below base, E0312 a relative step with nothing (or several revisions) to count from.
   *     Range diagnostics point into {@code <range>} (those of a target strata made have no
   *     position), E0306 into the revision's file.
   * @throws IllegalArgumentException for a downgrade without a FROM side ({@link Range#parse}
   *     reports E0301 for a typed one)
   */
  public Plan plan(Direction direction, Range range) throws DiagnosticException {
    return plan(direction, range, false);
  }

  /**
   * The upgrade of {@code range}, for the commands that list the revisions it runs ({@code history
   * -r}, {@code graph -r}): {@link #plan}{@code (UPGRADE, range)}, with a range the wrong way
   * round or sideways (E0305) told in the words of a listing, which upgrades nothing.
   *
   * @throws DiagnosticException as {@link #plan}
   */
  public Plan listing(Range range) throws DiagnosticException {
    return plan(Direction.UPGRADE, range, true);
  }

  private Plan plan(Direction direction, Range range, boolean listing)
      throws DiagnosticException {
    if (direction == Direction.DOWNGRADE && range.from().isEmpty()) {
      throw new IllegalArgumentException("a downgrade needs a FROM side");
    }
    Range spec = range;
    SourceFile source = spec.source();
    List<Diagnostic> problems = new ArrayList<>();
    TargetResolver.Side fromSide =
        resolver.resolve(
            source, spec.from().orElse(List.of()), new TargetResolver.Context.From(), problems);
    // Alembic: upgrading from 'cart@…' to 'heads' means the heads of branch cart
    OptionalInt headsBranch =
        direction == Direction.UPGRADE ? fromSide.onlyBranch() : OptionalInt.empty();
    TargetResolver.Context to =
        new TargetResolver.Context.To(fromSide, headsBranch, !problems.isEmpty());
    TargetResolver.Side toSide = resolver.resolve(source, spec.to(), to, problems);
    throwIf(problems);
    List<TargetResolver.Resolved> from = fromSide.revisions();
    checkNoOverlap(source, from, "start", problems);
    checkNoOverlap(source, toSide.revisions(), "target", problems);
    throwIf(problems);
    List<Integer> order =
        switch (direction) {
          case UPGRADE -> upgradeOrder(source, from, toSide.revisions(), listing);
          case DOWNGRADE -> downgradeOrder(source, from, toSide);
        };
    return steps(direction, indices(from), order);
  }

  /**
   * Alembic's upgrade set: the targets and their ancestors, less the start and its ancestors;
   * walked from the targets and run in reverse.
   */
  private List<Integer> upgradeOrder(SourceFile source, List<TargetResolver.Resolved> from,
      List<TargetResolver.Resolved> to, boolean listing) throws DiagnosticException {
    BitSet required = graph.ancestors(indices(to));
    List<Diagnostic> problems = new ArrayList<>();
    for (TargetResolver.Resolved start : from) {
      if (!required.get(start.revision())) {
        problems.add(notBelowTargets(source, start, from, to, listing));
      }
    }
    throwIf(problems);
    BitSet todo = (BitSet) required.clone();
    todo.andNot(graph.ancestors(indices(from)));
    List<Integer> order = new ArrayList<>(WalkOrder.walk(graph, todo, indices(to)));
    Collections.reverse(order);
    return order;
  }

  /**
   * E0305: {@code start} is not below the targets. {@code listing} when the range is one a command
   * lists ({@link #listing}): then the message and help speak of the range, not of an upgrade.
   */
  private Diagnostic notBelowTargets(
      SourceFile source,
      TargetResolver.Resolved start,
      List<TargetResolver.Resolved> from,
      List<TargetResolver.Resolved> to,
      boolean listing) {
    String id = id(start.revision());
    String targets = to.isEmpty() ? "base" : joined(to);
    // base is below every revision: going there is always going back
    boolean behind = to.isEmpty()
        || to.stream().anyMatch(t -> graph.isAncestorOrSelf(t.revision(), start.revision()));
    String help;
    if (behind) {
      help = "help: '" + id + "' is already past '" + targets + "': "
          + (listing ? "name the older revision first: -r " + targets + ":" + joined(from)
              : "to go back, downgrade " + joined(from) + ":" + targets);
    } else {
      help = listing
          ? "help: -r FROM:TO lists what an upgrade from FROM to TO runs, so FROM must be an"
              + " ancestor of TO; 'strata history' alone lists every revision"
          : "help: name every head the database should end with, e.g. '" + joined(from) + ":"
              + (to.isEmpty() ? "" : targets + ",") + id + "'";
    }
    return TargetProblems.error(
        "E0305",
        (listing ? "cannot list the history from '" : "cannot upgrade from '")
            + id
            + "' to '"
            + targets
            + "': '"
            + id
            + "' is not an ancestor of it",
        source,
        start.span(),
        help);
  }

  /**
   * Alembic's downgrade set: the descendants of the roots ({@link #roots}) that are applied at the
   * start; walked from the start heads.
   */
  private List<Integer> downgradeOrder(
      SourceFile source, List<TargetResolver.Resolved> from, TargetResolver.Side toSide)
      throws DiagnosticException {
    List<TargetResolver.Resolved> to = toSide.revisions();
    BitSet active = graph.ancestors(indices(from));
    List<Diagnostic> problems = new ArrayList<>();
    for (TargetResolver.Resolved target : to) {
      if (!active.get(target.revision())) {
        problems.add(notBelowStart(source, target, from));
      }
    }
    throwIf(problems);
    BitSet todo = graph.descendants(roots(toSide));
    todo.and(active);
    todo.andNot(graph.ancestors(indices(to)));
    if (todo.isEmpty()) {
      for (TargetResolver.Resolved target : to) {
        if (!indices(from).contains(target.revision())) {
          throw new DiagnosticException(
              TargetProblems.error(
                  "E0305",
                  "nothing to downgrade from '"
                      + startName(from)
                      + "' to '"
                      + id(target.revision())
                      + "'",
                  source,
                  target.span(),
                  "note: the start reaches '"
                      + id(target.revision())
                      + "' only through depends-on, and strata (like Alembic) downgrades"
                      + " through revises links only"));
        }
      }
    }
    return WalkOrder.walk(graph, todo, indices(from));
  }

  /**
   * What a downgrade drops with its descendants: every base for a floor ({@code base}), the
   * children of each target revision; those of a branch-qualified target ({@code cart@base},
   * {@code cart@0003}, {@code cart@-1}) confined to the branch's lineage, as Alembic filters the
   * roots of {@code _collect_downgrade_revisions} by the branch.
   */
  private List<Integer> roots(TargetResolver.Side toSide) {
    List<Integer> roots = new ArrayList<>();
    for (TargetResolver.Floor floor : toSide.floors()) {
      BitSet within = lineage(floor.branch());
      for (int i = 0; i < graph.size(); i++) {
        if (graph.parentsOf(i).length == 0 && within.get(i)) {
          roots.add(i);
        }
      }
    }
    for (TargetResolver.Resolved target : toSide.revisions()) {
      BitSet within = lineage(target.branch());
      for (int child : graph.childrenOf(target.revision())) {
        if (within.get(child)) {
          roots.add(child);
        }
      }
    }
    return roots;
  }

  private BitSet lineage(OptionalInt branch) {
    if (branch.isPresent()) {
      return resolver.lineage(branch.getAsInt());
    }
    BitSet all = new BitSet(graph.size());
    all.set(0, graph.size());
    return all;
  }

  private Diagnostic notBelowStart(
      SourceFile source, TargetResolver.Resolved target, List<TargetResolver.Resolved> from) {
    String id = id(target.revision());
    String start = startName(from);
    boolean ahead =
        from.stream().anyMatch(f -> graph.isAncestorOrSelf(f.revision(), target.revision()));
    String[] help =
        ahead
            ? new String[] {
              "help: '"
                  + id
                  + "' comes after '"
                  + start
                  + "': to go forward, upgrade "
                  + start
                  + ":"
                  + id
            }
            : new String[0];
    return TargetProblems.error(
        "E0305",
        "cannot downgrade from '"
            + start
            + "' to '"
            + id
            + "': '"
            + id
            + "' is not an ancestor of it",
        source,
        target.span(),
        help);
  }

  private Plan steps(Direction direction, List<Integer> start, List<Integer> order)
      throws DiagnosticException {
    VersionRows rows = new VersionRows(graph, start);
    List<Step> steps = new ArrayList<>(order.size());
    List<Diagnostic> missing = new ArrayList<>();
    for (int revision : order) {
      RevisionFile file = graph.file(revision);
      List<String> parents = graph.ids(graph.parentsOf(revision));
      switch (direction) {
        case UPGRADE ->
            steps.add(
                new Step(
                    file,
                    direction,
                    file.upgrade(),
                    parents,
                    List.of(file.id()),
                    rows.upgrade(revision)));
        case DOWNGRADE -> {
          List<VersionTableOp> ops = rows.downgrade(revision);
          try {
            Section body = downgradeOf(file);
            steps.add(new Step(file, direction, body, List.of(file.id()), parents, ops));
          } catch (DiagnosticException e) {
            e.diagnostics().stream().filter(d -> !missing.contains(d)).forEach(missing::add);
          }
        }
      }
    }
    throwIf(missing);
    return new Plan(direction, sortedIds(start), sortedIds(rows.rows()), steps);
  }

  /**
   * E0307: within one side, no revision may be an ancestor of another (a database never has both as
   * rows; Alembic's "Requested revision overlaps with other requested revisions").
   */
  private void checkNoOverlap(
      SourceFile source,
      List<TargetResolver.Resolved> side,
      String what,
      List<Diagnostic> problems) {
    if (side.size() < 2) {
      return;
    }
    List<Integer> below = new ArrayList<>();
    side.forEach(r -> below.addAll(boxed(graph.downRevisionsOf(r.revision()))));
    BitSet strictAncestors = graph.ancestors(below);
    for (TargetResolver.Resolved lower : side) {
      if (strictAncestors.get(lower.revision())) {
        TargetResolver.Resolved upper =
            side.stream()
                .filter(u -> u != lower && graph.isAncestorOrSelf(lower.revision(), u.revision()))
                .findFirst()
                .orElseThrow();
        problems.add(
            TargetProblems.error(
                "E0307",
                "the "
                    + what
                    + " names both '"
                    + id(lower.revision())
                    + "' and its descendant '"
                    + id(upper.revision())
                    + "'",
                source,
                lower.span(),
                "help: leave out '"
                    + id(lower.revision())
                    + "': a database at '"
                    + id(upper.revision())
                    + "' has it applied already"));
      }
    }
  }

  private String startName(List<TargetResolver.Resolved> from) {
    return from.isEmpty() ? "base" : joined(from);
  }

  private String joined(List<TargetResolver.Resolved> side) {
    return side.stream().map(r -> id(r.revision())).collect(Collectors.joining(","));
  }

  private String id(int revision) {
    return graph.file(revision).id();
  }

  private List<String> sortedIds(Collection<Integer> revisions) {
    return revisions.stream().map(this::id).sorted().toList();
  }

  private static List<Integer> indices(List<TargetResolver.Resolved> side) {
    return side.stream().map(TargetResolver.Resolved::revision).toList();
  }

  private static List<Integer> boxed(int[] values) {
    List<Integer> result = new ArrayList<>(values.length);
    for (int v : values) {
      result.add(v);
    }
    return result;
  }

  private static void throwIf(List<Diagnostic> problems) throws DiagnosticException {
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }
}
