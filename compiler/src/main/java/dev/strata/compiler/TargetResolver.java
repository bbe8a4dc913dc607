package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Resolves the targets of one side of a range to revisions, as Alembic's {@code
 * RevisionMap.get_revisions}, {@code _parse_upgrade_target} and {@code _parse_downgrade_target}
 * do: an exact id, then a branch label, then a unique prefix among ids longer than three
 * characters; {@code head} must be unique; {@code heads} is every real head; {@code BRANCH@}
 * confines a target to the lineage of the branch's revision ({@link BranchLabels}); relative
 * steps walk as {@link RelativeWalk}.
 */
final class TargetResolver {
  /** How many candidates an ambiguity message lists before "and N more". */
  static final int LISTED = 10;

  private final RevisionGraph graph;
  private final BranchLabels labels;
  private final RelativeWalk walk;

  TargetResolver(RevisionGraph graph) {
    this.graph = graph;
    this.labels = new BranchLabels(graph);
    this.walk = new RelativeWalk(graph, labels);
  }

  /**
   * One resolved revision (by index), the span of the target that named it, and the revision
   * whose lineage confines a downgrade to it ({@code cart@…}: the label's revision; Alembic's
   * {@code branch_label} of {@code _parse_downgrade_target}).
   */
  record Resolved(int revision, Optional<Span> span, OptionalInt branch) {}

  /** A target that names no revision ({@code base}, {@code cart@base}, a walk down to base). */
  record Floor(Optional<Span> span, OptionalInt branch) {}

  /** A resolved side: its revisions (each once, first naming wins) and its floors. */
  record Side(List<Resolved> revisions, List<Floor> floors) {
    Side {
      revisions = List.copyOf(revisions);
      floors = List.copyOf(floors);
    }

    /** The branch of a side that is one branch-qualified target (Alembic: {@code "@" in lower}). */
    OptionalInt onlyBranch() {
      if (revisions.size() + floors.size() != 1) {
        return OptionalInt.empty();
      }
      return revisions.isEmpty() ? floors.get(0).branch() : revisions.get(0).branch();
    }
  }

  /** What a side is resolved against: where {@code +N}, {@code -N} count from. */
  sealed interface Context {
    /** {@link Planner#resolve}: not in a range; {@code +N} has nothing to count from. */
    record Alone() implements Context {}

    /** The FROM side: {@code +N} would count from itself. */
    record From() implements Context {}

    /**
     * The TO side: {@code +N} counts from {@code from} (and resolves to nothing, silently, when
     * {@code fromFailed}: FROM's errors are reported); {@code heads} is confined to {@code
     * headsBranch} when FROM is branch-qualified in an upgrade (Alembic's "named bases").
     */
    record To(Side from, OptionalInt headsBranch, boolean fromFailed) implements Context {}
  }

  /** {@code revision} with its ancestors and descendants through {@code revises:}. */
  BitSet lineage(int revision) {
    return labels.lineage(revision);
  }

  /** Resolves {@code targets} in {@code context}; problems (E0302–E0304, E0308–E0312) are added. */
  Side resolve(
      SourceFile source, List<Target.At> targets, Context context, List<Diagnostic> problems) {
    Map<Integer, Resolved> found = new LinkedHashMap<>();
    List<Floor> floors = new ArrayList<>();
    Lookup lookup = new Lookup(source, problems);
    for (Target.At at : targets) {
      Optional<Landing> landing = land(lookup, at, at.target(), context);
      if (landing.isEmpty()) {
        continue;
      }
      for (Place place : landing.get().places()) {
        switch (place) {
          case Place.On on ->
              found.putIfAbsent(
                  on.revision(), new Resolved(on.revision(), at.span(), landing.get().branch()));
          case Place.Below below -> floors.add(new Floor(at.span(), landing.get().branch()));
        }
      }
    }
    return new Side(List.copyOf(found.values()), floors);
  }

  /** Where one target lands, and the branch that confines it. */
  private record Landing(List<Place> places, OptionalInt branch) {}

  /** The source and problem list of one resolution, and span arithmetic on it. */
  private record Lookup(SourceFile source, List<Diagnostic> problems) {
    Span branchSpan(Target.At at, String branch) {
      return new Span(1, at.typedSpan().column(), branch.length());
    }

    /** The span after {@code BRANCH@}, or the whole target. */
    Span bodySpan(Target.At at, Optional<String> branch) {
      int skip = branch.map(b -> b.length() + 1).orElse(0);
      Span typed = at.typedSpan();
      return new Span(1, typed.column() + skip, typed.length() - skip);
    }
  }

  private Optional<Landing> land(Lookup lookup, Target.At at, Target target, Context context) {
    Optional<String> branchName = branchName(target);
    OptionalInt branch =
        branchName.isPresent() ? qualifier(lookup, at, branchName.get()) : OptionalInt.empty();
    if (branchName.isPresent() && branch.isEmpty()) {
      return Optional.empty();
    }
    Optional<BitSet> lineage = branch.isPresent()
        ? Optional.of(labels.lineage(branch.getAsInt()))
        : Optional.empty();
    return switch (target) {
      case Target.Base base -> Optional.of(new Landing(List.of(new Place.Below()), branch));
      case Target.Heads heads -> Optional.of(new Landing(heads(lineage, context), branch));
      case Target.Head head -> head(lookup, at, lineage).map(p -> new Landing(List.of(p), branch));
      case Target.Revision revision ->
          revision(lookup, at, revision, branch).map(p -> new Landing(List.of(p), branch));
      case Target.Exact exact -> exact(lookup, at, exact).map(p -> new Landing(List.of(p), branch));
      case Target.Current current -> current(lookup, at, current, context, branch);
      case Target.Relative relative -> relative(lookup, at, relative, context, lineage, branch);
    };
  }

  private static Optional<String> branchName(Target target) {
    return switch (target) {
      case Target.Base base -> base.branch();
      case Target.Head head -> head.branch();
      case Target.Heads heads -> heads.branch();
      case Target.Revision revision -> revision.branch();
      case Target.Exact exact -> Optional.empty();
      case Target.Current current -> current.branch();
      case Target.Relative relative -> branchName(relative.anchor());
    };
  }

  private Optional<Landing> relative(
      Lookup lookup,
      Target.At at,
      Target.Relative relative,
      Context context,
      Optional<BitSet> lineage,
      OptionalInt branch) {
    Optional<Landing> anchor = land(lookup, at, relative.anchor(), context);
    if (anchor.isEmpty()) {
      return Optional.empty();
    }
    // the walk is confined to the branch typed, not to the revision a bare +N counted from
    return walk.walk(
            anchor.get().places().get(0),
            relative.delta(),
            lineage,
            lookup.source(),
            at.typedSpan(),
            lookup.problems())
        .map(place -> new Landing(List.of(place), anchor.get().branch()));
  }

  /** {@code +N}'s anchor: the one FROM revision (in the branch), as Alembic's current heads. */
  private Optional<Landing> current(
      Lookup lookup, Target.At at, Target.Current current, Context context, OptionalInt branch) {
    if (!(context instanceof Context.To to)) {
      lookup.problems().add(TargetProblems.noAnchor(lookup.source(), at, context));
      return Optional.empty();
    }
    if (to.fromFailed()) {
      return Optional.empty();
    }
    List<Integer> from = to.from().revisions().stream().map(Resolved::revision).toList();
    List<Integer> candidates =
        branch.isPresent() ? onBranch(from, labels.lineage(branch.getAsInt())) : from;
    if (candidates.isEmpty()) {
      return Optional.of(new Landing(List.of(new Place.Below()), branch));
    }
    if (candidates.size() > 1) {
      lookup.problems().add(
          TargetProblems.severalStarts(
              lookup.source(), at, current.branch(), ids(candidates)));
      return Optional.empty();
    }
    int start = candidates.get(0);
    // Alembic confines a downgrade by "-1" to the lineage of the revision it counted from
    OptionalInt confinedBy = branch.isPresent() ? branch : OptionalInt.of(start);
    return Optional.of(new Landing(List.of(new Place.On(start)), confinedBy));
  }

  /**
   * FROM revisions on the branch; failing that the tips of what FROM has applied on it (Alembic's
   * backtracking when the branch is not a current head).
   */
  private List<Integer> onBranch(List<Integer> from, BitSet lineage) {
    List<Integer> on = from.stream().filter(lineage::get).toList();
    if (!on.isEmpty()) {
      return on;
    }
    BitSet applied = graph.ancestors(from);
    applied.and(lineage);
    List<Integer> tips = new ArrayList<>();
    applied.stream()
        .filter(i -> Arrays.stream(graph.childrenOf(i)).noneMatch(applied::get))
        .forEach(tips::add);
    return tips;
  }

  private List<Place> heads(Optional<BitSet> lineage, Context context) {
    Optional<BitSet> confined = lineage;
    if (lineage.isEmpty()
        && context instanceof Context.To to
        && to.headsBranch().isPresent()) {
      confined = Optional.of(labels.lineage(to.headsBranch().getAsInt()));
    }
    IntPredicate head =
        lineage.isPresent()
            ? i -> graph.childrenOf(i).length == 0
            : i -> graph.downChildrenOf(i).length == 0;
    Optional<BitSet> within = confined;
    return select(i -> head.test(i) && within.map(w -> w.get(i)).orElse(true)).stream()
        .<Place>map(Place.On::new)
        .toList();
  }

  private Optional<Place> head(Lookup lookup, Target.At at, Optional<BitSet> lineage) {
    List<Integer> heads =
        select(i -> graph.childrenOf(i).length == 0 && lineage.map(l -> l.get(i)).orElse(true));
    if (heads.size() == 1) {
      return Optional.of(new Place.On(heads.get(0)));
    }
    if (heads.isEmpty()) {
      return Optional.of(new Place.Below()); // an empty graph: Alembic's head of nothing
    }
    String typed = at.span().map(s -> RelativeWalk.typed(lookup.source(), s)).orElse("head");
    Optional<String> branch = branchName(at.target());
    String scope =
        branch.map(b -> "branch '" + b + "' has " + heads.size() + " heads: ")
            .orElse("there are " + heads.size() + " heads: ");
    String all = branch.map(b -> "'" + b + "@heads' for all heads of the branch")
        .orElse("'heads' for all heads");
    lookup.problems().add(
        TargetProblems.error(
            "E0304",
            "'" + typed + "' is ambiguous: " + scope + listed(heads),
            lookup.source(),
            at.span(),
            "help: name one of them, or " + all));
    return Optional.empty();
  }

  private Optional<Place> revision(
      Lookup lookup, Target.At at, Target.Revision target, OptionalInt branch) {
    Span span = lookup.bodySpan(at, target.branch());
    Optional<BitSet> lineage =
        branch.isPresent() ? Optional.of(labels.lineage(branch.getAsInt())) : Optional.empty();
    OptionalInt found = identify(lookup, span, target.text(), lineage);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int revision = found.getAsInt();
    if (lineage.isPresent() && !lineage.get().get(revision)) {
      lookup.problems().add(
          TargetProblems.notOnBranch(
              lookup.source(),
              span,
              id(revision),
              target.branch().orElseThrow(),
              id(branch.getAsInt())));
      return Optional.empty();
    }
    return Optional.of(new Place.On(revision));
  }

  /** The revision whose id is exactly {@code target}'s, else E0302. */
  private Optional<Place> exact(Lookup lookup, Target.At at, Target.Exact target) {
    int found = graph.find(target.id().value());
    if (found < 0) {
      lookup.problems().add(unknown(lookup.source(), at.span(), target.id().value()));
      return Optional.empty();
    }
    return Optional.of(new Place.On(found));
  }

  /** The revision a {@code BRANCH@} qualifier stands for: a label, an id or a unique prefix. */
  private OptionalInt qualifier(Lookup lookup, Target.At at, String branch) {
    OptionalInt label = labels.revisionOf(branch);
    if (label.isPresent()) {
      return label;
    }
    Span span = lookup.branchSpan(at, branch);
    List<Integer> matches = matching(branch, Optional.empty());
    if (matches.size() == 1) {
      return OptionalInt.of(matches.get(0));
    }
    if (matches.isEmpty()) {
      lookup.problems().add(
          TargetProblems.unknownBranch(lookup.source(), span, branch, labels.labels()));
    } else {
      lookup.problems().add(ambiguousPrefix(lookup.source(), span, branch, matches));
    }
    return OptionalInt.empty();
  }

  /** An exact id, a label, or the one id starting with {@code text} (in the lineage, if any). */
  private OptionalInt identify(
      Lookup lookup, Span span, String text, Optional<BitSet> lineage) {
    OptionalInt label = labels.revisionOf(text);
    if (label.isPresent()) {
      return label; // a label is never also an id (E0205)
    }
    List<Integer> matches = matching(text, lineage);
    if (matches.size() == 1) {
      return OptionalInt.of(matches.get(0));
    }
    if (matches.isEmpty()) {
      lookup.problems().add(unknown(lookup.source(), Optional.of(span), text));
    } else {
      lookup.problems().add(ambiguousPrefix(lookup.source(), span, text, matches));
    }
    return OptionalInt.empty();
  }

  /** The exact id, or else the ids longer than three characters starting with {@code text}. */
  private List<Integer> matching(String text, Optional<BitSet> lineage) {
    int exact = graph.find(text);
    if (exact >= 0) {
      return List.of(exact);
    }
    return select(
        i ->
            graph.file(i).id().length() > 3
                && graph.file(i).id().startsWith(text)
                && lineage.map(l -> l.get(i)).orElse(true));
  }

  private Diagnostic unknown(SourceFile source, Optional<Span> span, String text) {
    List<String> names = new ArrayList<>(graph.revisions().stream().map(f -> f.id()).toList());
    names.addAll(labels.labels());
    String[] notes =
        Suggestions.closest(text, names)
            .map(
                name -> {
                  int i = graph.find(name);
                  int at = i >= 0 ? i : labels.revisionOf(name).orElseThrow();
                  String where = GraphChecker.where(graph.file(at));
                  return new String[] {"help: did you mean '" + name + "' (" + where + ")?"};
                })
            .orElse(new String[0]);
    return TargetProblems.error(
        "E0302", "unknown revision '" + text + "'", source, span, notes);
  }

  private Diagnostic ambiguousPrefix(
      SourceFile source, Span span, String text, List<Integer> matches) {
    return Diagnostic.error(
        "E0303",
        "'" + text + "' is ambiguous: " + matches.size() + " revisions start with it: "
            + listed(matches),
        source,
        span,
        "help: type more of the id");
  }

  private List<String> ids(List<Integer> revisions) {
    return revisions.stream().map(this::id).toList();
  }

  private String id(int revision) {
    return graph.file(revision).id();
  }

  private String listed(List<Integer> revisions) {
    return TargetProblems.listed(ids(revisions));
  }

  private List<Integer> select(IntPredicate keep) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (keep.test(i)) {
        result.add(i);
      }
    }
    return result;
  }
}
