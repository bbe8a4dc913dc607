package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order a {@link Replay} applies a graph's revisions in, and the graph by position in it:
 * each revision after its parents and {@code depends-on} revisions, file order breaking ties
 * (Kahn's algorithm, the smallest file index first), so that a linear chain is replayed in file
 * order. Sets of revisions are {@link BitSet}s of positions. Immutable once made; O(revisions +
 * edges) to make.
 */
final class GraphOrder {
  private final List<RevisionFile> order;
  private final Map<String, Integer> position = new HashMap<>();
  private final List<List<Integer>> before = new ArrayList<>();
  private final List<List<Integer>> after = new ArrayList<>();

  GraphOrder(RevisionGraph graph) {
    List<RevisionFile> files = graph.revisions();
    Map<String, Integer> fileIndex = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      fileIndex.put(files.get(i).id(), i);
    }
    int n = files.size();
    List<List<Integer>> down = new ArrayList<>();
    List<List<Integer>> up = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      down.add(new ArrayList<>());
      up.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      String id = files.get(i).id();
      for (String p : concat(graph.parents(id), graph.dependencies(id))) {
        int j = fileIndex.get(p);
        if (!down.get(i).contains(j)) {
          down.get(i).add(j);
          up.get(j).add(i);
        }
      }
    }
    // Kahn's algorithm, the smallest file index first
    int[] waiting = new int[n];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      waiting[i] = down.get(i).size();
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int[] rank = new int[n];
    List<RevisionFile> sorted = new ArrayList<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      rank[i] = sorted.size();
      sorted.add(files.get(i));
      for (int c : up.get(i)) {
        if (--waiting[c] == 0) {
          ready.add(c);
        }
      }
    }
    this.order = List.copyOf(sorted);
    // kept for the whole run: one box per position, shared by the map and both lists, and the
    // lists immutable (an ArrayList per revision, with room for ten, was 16 MB at 100,000)
    Integer[] boxed = new Integer[n];
    List<List<Integer>> beforeOf = new ArrayList<>();
    List<List<Integer>> afterOf = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      boxed[k] = k;
      position.put(order.get(k).id(), boxed[k]);
      beforeOf.add(new ArrayList<>(1));
      afterOf.add(new ArrayList<>(1));
    }
    for (int i = 0; i < n; i++) {
      for (int j : down.get(i)) {
        beforeOf.get(rank[i]).add(boxed[rank[j]]);
        afterOf.get(rank[j]).add(boxed[rank[i]]);
      }
    }
    for (int k = 0; k < order.size(); k++) {
      before.add(List.copyOf(beforeOf.get(k)));
      after.add(List.copyOf(afterOf.get(k)));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }


  /** The revisions in replay order. */
  List<RevisionFile> order() {
    return order;
  }

  /** Revision id to its position in {@link #order()}. */
  Map<String, Integer> position() {
    return position;
  }

  /** By position: the positions of the revision's parents and dependencies. */
  List<List<Integer>> before() {
    return before;
  }

  /** By position: the positions of the revisions that come right after it. */
  List<List<Integer>> after() {
    return after;
  }

  /** The revisions no other revision comes after. */
  BitSet sinks() {
    BitSet out = new BitSet();
    for (int k = 0; k < order.size(); k++) {
      if (after.get(k).isEmpty()) {
        out.set(k);
      }
    }
    return out;
  }

  /** Every revision. */
  BitSet allIndices() {
    BitSet all = new BitSet();
    all.set(0, order.size());
    return all;
  }

  /**
   * The revisions {@code ids} name.
   *
   * @throws IllegalArgumentException for an id that is no revision of the graph
   */
  BitSet indices(Collection<String> ids) {
    BitSet out = new BitSet();
    for (String id : ids) {
      Integer k = position.get(id);
      if (k == null) {
        throw new IllegalArgumentException("no revision " + id);
      }
      out.set(k);
    }
    return out;
  }

  /** The revisions {@code targets} need: them and their ancestors. */
  BitSet closure(BitSet targets) {
    return RecursiveMerge.closure(before, targets);
  }

  /**
   * Whether the revisions {@code k} comes right after (its parents and dependencies) are exactly
   * those {@code ids} name, in any order: O(parents), where comparing two sets of positions would
   * cost O(k) (a plan asks this for every step: quadratic in a long chain).
   */
  boolean comesRightAfter(int k, Collection<String> ids) {
    List<Integer> parents = before.get(k);
    Set<Integer> named = new HashSet<>();
    for (String id : ids) {
      Integer p = position.get(id);
      if (p == null || !parents.contains(p)) {
        return false;
      }
      named.add(p);
    }
    return named.size() == parents.size();
  }

  /** Whether the model after {@code k} is needed again: by several, a later or a merge. */
  boolean keep(int k, BitSet need) {
    List<Integer> children = after.get(k).stream().filter(need::get).toList();
    return children.size() != 1 || children.getFirst() != nextIn(need, k)
        || before.get(children.getFirst()).size() != 1;
  }

  private static int nextIn(BitSet need, int k) {
    return need.nextSetBit(k + 1);
  }
}
