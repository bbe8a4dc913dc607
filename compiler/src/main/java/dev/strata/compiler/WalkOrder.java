package dev.strata.compiler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's walk order ({@code RevisionMap._topological_sort}): depth first from the given heads
 * down to the bases, heads taken in file order. The walk keeps a list of pending heads and a cursor
 * on one of them. It emits the cursor's revision unless that revision is an ancestor of another
 * pending head, in which case the cursor moves to the first such head (in list order). After an
 * emit, the head is replaced by its first down revision still to do and the others are appended;
 * with none, the head is dropped and the cursor steps back one place.
 *
 * <p>Alembic tests "is an ancestor of another head" against a full ancestor set per head, rebuilt
 * at every merge. Here it is a counter of not-yet-emitted children per revision: a revision to do
 * is an ancestor of another pending head exactly when one of its children to do has not been
 * emitted (nothing is emitted before its descendants). Only when the cursor must move are the
 * pending heads tested one by one. A linear chain walks in linear time.
 */
final class WalkOrder {
  private final RevisionGraph graph;
  private final BitSet todo;
  private final BitSet left;
  private final int[] pendingChildren;
  private final List<Integer> heads = new ArrayList<>();
  private final Set<Integer> headSet = new HashSet<>();

  private WalkOrder(RevisionGraph graph, BitSet todo) {
    this.graph = graph;
    this.todo = todo;
    this.left = (BitSet) todo.clone();
    this.pendingChildren = new int[graph.size()];
    todo.stream()
        .forEach(
            x -> {
              for (int down : graph.downRevisionsOf(x)) {
                if (todo.get(down)) {
                  pendingChildren[down]++;
                }
              }
            });
  }

  /**
   * The revisions of {@code todo} in walk order (heads first, bases last): downgrades run in this
   * order, upgrades in the reverse.
   *
   * @param todo the revisions to order; every one must be an ancestor of a start head in it
   * @param startHeads where the walk starts (those not in {@code todo} are ignored)
   */
  static List<Integer> walk(RevisionGraph graph, BitSet todo, Collection<Integer> startHeads) {
    WalkOrder walk = new WalkOrder(graph, todo);
    startHeads.stream()
        .filter(todo::get)
        .distinct()
        .sorted()
        .forEach(
            h -> {
              walk.heads.add(h);
              walk.headSet.add(h);
            });
    return walk.run();
  }

  private List<Integer> run() {
    List<Integer> output = new ArrayList<>(todo.cardinality());
    int cursor = 0;
    while (!heads.isEmpty()) {
      int candidate = heads.get(cursor);
      if (pendingChildren[candidate] > 0) {
        cursor = firstHeadAbove(candidate, cursor);
        continue;
      }
      output.add(candidate);
      left.clear(candidate);
      List<Integer> next = new ArrayList<>(1);
      for (int down : graph.downRevisionsOf(candidate)) {
        if (todo.get(down)) {
          pendingChildren[down]--;
        }
        if (left.get(down) && !headSet.contains(down)) {
          next.add(down);
        }
      }
      headSet.remove(candidate);
      if (next.isEmpty()) {
        heads.remove(cursor);
        cursor = Math.max(cursor - 1, 0);
      } else {
        heads.set(cursor, next.get(0));
        heads.addAll(next.subList(1, next.size()));
        headSet.addAll(next);
      }
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException("walk left revisions behind: " + left);
    }
    return output;
  }

  /**
   * The position of the first pending head (in list order, as Alembic scans them) that {@code
   * revision} is a strict ancestor of. Each test is a search down from that head that stops at the
   * revision's depth.
   */
  private int firstHeadAbove(int revision, int cursor) {
    for (int j = 0; j < heads.size(); j++) {
      if (j != cursor && graph.isAncestorOrSelf(revision, heads.get(j))) {
        return j;
      }
    }
    throw new IllegalStateException("no pending head above " + revision);
  }
}
