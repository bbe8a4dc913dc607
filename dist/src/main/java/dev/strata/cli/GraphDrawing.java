package dev.strata.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code strata graph} draws, whatever the format: the revisions in file order, each with a
 * stable number (its 1-based position in the versions directory, also when a range leaves others
 * out), the {@code revises} edges (parent to child) and the {@code depends-on} edges (dependency to
 * dependent) between drawn revisions, and each revision's role for marking.
 *
 * @param nodes the drawn revisions, in file order
 * @param numbers each drawn revision's position in the whole directory, 1-based
 * @param parentEdges parent to child, in the child's file order then the order of its {@code
 *     revises:}
 * @param dependsOnEdges dependency to dependent, in the same order
 */
record GraphDrawing(
    List<RevisionFacts> nodes,
    Map<String, Integer> numbers,
    List<Edge> parentEdges,
    List<Edge> dependsOnEdges) {

  /** One edge, from the earlier revision to the later one. */
  record Edge(String from, String to) {}

  /**
   * How a revision is coloured. A revision has one role, the first that applies in this order, so
   * that each format can give it one fill: a head is what people look for first, a merge or branch
   * point next. Its shape follows {@link Shape} independently.
   */
  enum Role {
    HEAD,
    EFFECTIVE_HEAD,
    MERGE_POINT,
    BRANCH_POINT,
    BASE,
    PLAIN;

    static Role of(RevisionFacts revision) {
      if (revision.realHead()) {
        return HEAD;
      }
      if (revision.effectiveHead()) {
        return EFFECTIVE_HEAD;
      }
      if (revision.mergePoint()) {
        return MERGE_POINT;
      }
      if (revision.branchPoint()) {
        return BRANCH_POINT;
      }
      return revision.base() ? BASE : PLAIN;
    }
  }

  /** The outline of a revision: a hexagon where the graph splits or joins, else by base or not. */
  enum Shape {
    HEXAGON,
    BASE,
    BOX;

    static Shape of(RevisionFacts revision) {
      if (revision.mergePoint() || revision.branchPoint()) {
        return HEXAGON;
      }
      return revision.base() ? BASE : BOX;
    }
  }

  GraphDrawing {
    nodes = List.copyOf(nodes);
    numbers = Map.copyOf(numbers);
    parentEdges = List.copyOf(parentEdges);
    dependsOnEdges = List.copyOf(dependsOnEdges);
  }

  /**
   * The drawing of {@code drawn} (in file order), numbered by {@code allIds} (every id of the
   * directory in file order); edges to revisions outside {@code drawn} are left out.
   */
  static GraphDrawing of(List<String> allIds, List<RevisionFacts> drawn) {
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < allIds.size(); i++) {
      position.put(allIds.get(i), i + 1);
    }
    for (RevisionFacts revision : drawn) {
      numbers.put(revision.id(), position.get(revision.id()));
    }
    List<Edge> parents = new ArrayList<>();
    List<Edge> dependsOn = new ArrayList<>();
    for (RevisionFacts revision : drawn) {
      revision.parents().stream().filter(numbers::containsKey)
          .forEach(p -> parents.add(new Edge(p, revision.id())));
      revision.dependsOn().stream().filter(numbers::containsKey)
          .forEach(d -> dependsOn.add(new Edge(d, revision.id())));
    }
    return new GraphDrawing(drawn, numbers, parents, dependsOn);
  }

  /** The first line of a node's label: the id, and its branch labels in parentheses. */
  static String title(RevisionFacts revision) {
    return revision.branchLabels().isEmpty()
        ? revision.id()
        : revision.id() + " (" + String.join(", ", revision.branchLabels()) + ")";
  }
}
