package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A relative step ({@code +N} / {@code -N}) as Alembic's {@code RevisionMap._walk}: each step goes
 * up to the one child or down to the one parent ({@code revises:} links only); up from below the
 * bases means to the one base, down from a base means below it (base). Two candidates are an
 * "ambiguous walk" (E0310); no candidate, past a head or below base, is E0311. A branch lineage,
 * when given, confines the candidates in both directions (Alembic confines only upward steps).
 */
final class RelativeWalk {
  private final RevisionGraph graph;
  private final BranchLabels labels;

  RelativeWalk(RevisionGraph graph, BranchLabels labels) {
    this.graph = graph;
    this.labels = labels;
  }

  /**
   * The place {@code delta} steps from {@code start}, or empty with the E0310 or E0311 that stops
   * it added to {@code problems}, pointing at {@code span} (the whole target) in {@code source}.
   *
   * @param lineage the revisions a candidate must be one of; empty for the whole graph
   */
  Optional<Place> walk(
      Place start,
      int delta,
      Optional<BitSet> lineage,
      SourceFile source,
      Span span,
      List<Diagnostic> problems) {
    return walk(start, delta, lineage, source, span, problems, true);
  }

  /** {@link #walk}; {@code suggest}: whether an E0310 may try a branch for its help. */
  private Optional<Place> walk(Place start, int delta, Optional<BitSet> lineage,
      SourceFile source, Span span, List<Diagnostic> problems, boolean suggest) {
    Place place = start;
    for (int step = 0; step < Math.abs(delta); step++) {
      List<Integer> next;
      if (delta > 0) {
        int[] up = place instanceof Place.On on ? graph.childrenOf(on.revision()) : bases();
        next = confined(up, lineage);
      } else if (place instanceof Place.On on) {
        if (graph.parentsOf(on.revision()).length == 0) {
          place = new Place.Below();
          continue;
        }
        next = confined(graph.parentsOf(on.revision()), lineage);
      } else {
        next = List.of();
      }
      if (next.size() != 1) {
        problems.add(
            next.isEmpty()
                ? pastTheEnd(source, span, start, step, delta)
                : ambiguous(source, span, start, delta, place, next, suggest));
        return Optional.empty();
      }
      place = new Place.On(next.get(0));
    }
    return Optional.of(place);
  }

  private Diagnostic pastTheEnd(SourceFile source, Span span, Place start, int steps, int delta) {
    String typed = typed(source, span);
    String from = name(start);
    if (delta > 0) {
      return Diagnostic.error(
          "E0311",
          "'" + typed + "' walks past the head: only " + revisions(steps) + " above " + from,
          source,
          span);
    }
    if (start instanceof Place.Below) {
      return Diagnostic.error(
          "E0311", "'" + typed + "' walks past base: nothing is below base", source, span);
    }
    return Diagnostic.error(
        "E0311",
        "'" + typed + "' walks past base: only " + revisions(steps - 1) + " below " + from,
        source,
        span,
        "note: '" + from + "-" + steps + "' is base, an empty version table");
  }

  /**
   * E0310 at {@code at}, where {@code candidates} go on. The help names a branch label to follow
   * when one label holds exactly one candidate and the same walk confined to that label's lineage
   * gets there; otherwise (the branch is shorter than the walk, say) it only asks for the revision.
   */
  private Diagnostic ambiguous(SourceFile source, Span span, Place start, int delta, Place at,
      List<Integer> candidates, boolean suggest) {
    boolean up = delta > 0;
    String typed = typed(source, span);
    String listed = candidates.stream().map(this::id).collect(Collectors.joining(", "));
    String what =
        at instanceof Place.On on
            ? id(on.revision()) + " has " + candidates.size() + (up ? " children: " : " parents: ")
            : "there are " + candidates.size() + " bases: ";
    String help =
        branchOfOne(candidates)
            .filter(label -> suggest && walk(start, delta,
                Optional.of(labels.lineage(labels.revisionOf(label).orElseThrow())), source, span,
                new ArrayList<>(), false).isPresent())
            .map(
                label ->
                    "help: to follow branch '"
                        + label
                        + "', write '"
                        + label
                        + "@"
                        + typed.substring(typed.indexOf('@') + 1)
                        + "'; or name the revision you mean")
            .orElse("help: name the revision you mean, or follow one branch with LABEL@...");
    return Diagnostic.error(
        "E0310", "'" + typed + "' is ambiguous: " + what + listed, source, span, help);
  }

  /** A label that applies to exactly one of {@code candidates}, if any (file order). */
  private Optional<String> branchOfOne(List<Integer> candidates) {
    for (String label : labels.labels()) {
      long holding = candidates.stream().filter(c -> labels.membersOf(c).contains(label)).count();
      if (holding == 1) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  private int[] bases() {
    return java.util.stream.IntStream.range(0, graph.size())
        .filter(i -> graph.parentsOf(i).length == 0)
        .toArray();
  }

  private static List<Integer> confined(int[] candidates, Optional<BitSet> lineage) {
    List<Integer> result = new ArrayList<>(candidates.length);
    for (int c : candidates) {
      if (lineage.isEmpty() || lineage.get().get(c)) {
        result.add(c);
      }
    }
    return result;
  }

  private String name(Place place) {
    return switch (place) {
      case Place.On on -> id(on.revision());
      case Place.Below below -> "base";
    };
  }

  private String id(int revision) {
    return graph.file(revision).id();
  }

  private static String revisions(int n) {
    return n + (n == 1 ? " revision" : " revisions");
  }

  static String typed(SourceFile source, Span span) {
    int offset = span.column() - 1;
    return source.text().substring(offset, offset + span.length());
  }
}
