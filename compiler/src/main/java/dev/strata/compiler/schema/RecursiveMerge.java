package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model a revision with several parents (a merge, or a revision with {@code depends-on})
 * starts from, made from the models a {@link Replay} pass kept: git's recursive merge, for
 * models. The rule is {@code docs/schema-model.md}, "Branches and merges"; the pieces come from
 * git:
 *
 * <ul>
 *   <li>the merge base is the model of the parents' latest common ancestors (git's "best common
 *       ancestors": what {@code git merge-base --all} prints for two commits, with {@code
 *       --octopus} for more), found by git's walk ({@link #latestCommonAncestors}); when there
 *       are several, the base is their own merge, made the same way, as git's recursive strategy
 *       makes a virtual ancestor of several merge bases;
 *   <li>the parents are merged one after another into the first, each by a three-way merge
 *       against that one base ({@link ModelMerge#merge});
 *   <li>at a merge revision, each object two sides changed since the base is a conflict (E0619,
 *       {@link SchemaCode#BRANCH_CONFLICT}): in a database the second change would meet the first.
 * </ul>
 *
 * <p>One per pass: it reads the models the pass kept ({@link Kept}) and adds its conflicts to the
 * pass's diagnostics. Revisions are numbered by their position in the replay's graph order, in
 * which a revision comes after its parents and {@code depends-on} revisions.
 */
final class RecursiveMerge {
  /** The models one replay pass kept, by position in graph order. */
  interface Kept {
    /** Whether the pass kept the model after the revision at {@code k}. */
    boolean has(int k);

    /**
     * The model after the revision at {@code k}.
     *
     * @throws IllegalStateException when the pass did not keep it
     */
    ModelState state(int k);
  }

  private final RevisionGraph graph;
  /** By position: the positions of the revision's parents and {@code depends-on} revisions. */
  private final List<List<Integer>> before;
  /** Revision id to its position. */
  private final Map<String, Integer> position;
  private final Kept kept;
  private final List<Diagnostic> diagnostics;

  /**
   * A merger for one pass over {@code graph}.
   *
   * @param before by position, the positions a revision comes after (its parents and {@code
   *     depends-on} revisions), each smaller than its own
   * @param position each revision id's position
   * @param kept the models the pass kept, read at parents and common ancestors
   * @param diagnostics where conflicts are added
   */
  RecursiveMerge(RevisionGraph graph, List<List<Integer>> before, Map<String, Integer> position,
      Kept kept, List<Diagnostic> diagnostics) {
    this.graph = graph;
    this.before = before;
    this.position = position;
    this.kept = kept;
    this.diagnostics = diagnostics;
  }

  /**
   * The union of the models after {@code parents}: a three-way merge against the model of their
   * latest common ancestors; with {@code merge}, conflicts are reported at it. A new state; the
   * kept ones are not changed.
   */
  ModelState merge(List<Integer> parents, RevisionFile merge) {
    ModelState base = base(parents);
    ModelState result = kept.state(parents.getFirst()).copy();
    for (int i = 1; i < parents.size(); i++) {
      ModelState side = kept.state(parents.get(i));
      if (merge != null) {
        conflicts(base, result, side, merge);
      }
      result = ModelMerge.merge(base, result, side);
    }
    return result;
  }

  /**
   * The revisions {@code targets} need: them and their ancestors, by {@code before} (as the
   * constructor takes it). O(the revisions found).
   */
  static BitSet closure(List<List<Integer>> before, BitSet targets) {
    BitSet need = new BitSet();
    List<Integer> stack = new ArrayList<>(targets.stream().boxed().toList());
    while (!stack.isEmpty()) {
      int k = stack.removeLast();
      if (!need.get(k)) {
        need.set(k);
        stack.addAll(before.get(k));
      }
    }
    return need;
  }

  /** The model of the latest common ancestors of {@code parents} (empty when none). */
  private ModelState base(List<Integer> parents) {
    BitSet latest = latestCommonAncestors(before, parents);
    for (int k = latest.nextSetBit(0); k >= 0; k = latest.nextSetBit(k + 1)) {
      if (!kept.has(k)) {
        // a common ancestor with one child continues into both sides: its descendant is later
        latest.clear(k);
      }
    }
    if (latest.isEmpty()) {
      return new ModelState();
    }
    List<Integer> list = latest.stream().boxed().toList();
    return list.size() == 1 ? kept.state(list.getFirst()) : merge(list, null);
  }

  /**
   * The latest common ancestors of {@code parents} by {@code before} (as the constructor takes
   * it): the revisions that are ancestors of every one of them and an ancestor of no other such
   * revision. Found as git's merge-base finds them ({@code paint_down_to_common} in git's {@code
   * commit-reach.c}): walking down from the parents in decreasing graph order (a revision comes
   * after its ancestors), each revision marked with the parents it is reached from; one reached
   * from all is a common ancestor, and a latest one unless it was reached through another; the
   * walk stops when only those below a common ancestor are left. It costs the revisions between
   * the parents and their merge base, not the whole history (the closure of every parent made a
   * chain with a merge every few revisions quadratic). The marks are bits of a {@code long}: more
   * than 62 parents take {@link #latestByClosure}.
   */
  static BitSet latestCommonAncestors(List<List<Integer>> before, List<Integer> parents) {
    int n = parents.size();
    if (n > 62) {
      return latestByClosure(before, parents);
    }
    long all = (1L << n) - 1;
    long stale = 1L << 62;
    Map<Integer, Long> marks = new HashMap<>();
    PriorityQueue<Integer> queue = new PriorityQueue<>(java.util.Comparator.reverseOrder());
    int live = 0; // queued revisions not below a common ancestor
    for (int i = 0; i < n; i++) {
      int p = parents.get(i);
      Long had = marks.get(p);
      if (had == null) {
        queue.add(p);
        live++;
      }
      marks.merge(p, 1L << i, (a, b) -> a | b);
    }
    BitSet latest = new BitSet();
    while (live > 0) {
      int k = queue.poll();
      long mark = marks.get(k);
      if ((mark & stale) == 0) {
        live--;
      }
      if ((mark & all) == all && (mark & stale) == 0) {
        latest.set(k);
        mark |= stale;
      }
      for (int b : before.get(k)) {
        Long had = marks.get(b);
        long merged = had == null ? mark : had | mark;
        if (had == null) {
          queue.add(b);
          if ((merged & stale) == 0) {
            live++;
          }
        } else if ((had & stale) == 0 && (merged & stale) != 0) {
          live--; // queued as live, now below a common ancestor
        }
        marks.put(b, merged);
      }
    }
    return latest;
  }

  /**
   * {@link #latestCommonAncestors} by the definition: every parent's closure intersected, less
   * the ancestors of what is left. O(history); for more parents than the walk has bits for.
   */
  static BitSet latestByClosure(List<List<Integer>> before, List<Integer> parents) {
    BitSet common = null;
    for (int p : parents) {
      BitSet ancestors = closure(before, single(p));
      if (common == null) {
        common = ancestors;
      } else {
        common.and(ancestors);
      }
    }
    if (common == null) {
      return new BitSet();
    }
    BitSet latest = (BitSet) common.clone();
    for (int k = common.nextSetBit(0); k >= 0; k = common.nextSetBit(k + 1)) {
      for (int b : before.get(k)) {
        latest.clear(b);
      }
    }
    return latest;
  }

  private static BitSet single(int k) {
    BitSet one = new BitSet();
    one.set(k);
    return one;
  }

  /**
   * E0619 for each object both sides changed since {@code base} (by {@link ModelState#touched};
   * a column or constraint clashes with its relation), at the later of the two changes in graph
   * order, with the earlier in a note: the rule of {@code docs/schema-model.md}, "Branches and
   * merges".
   */
  private void conflicts(ModelState base, ModelState a, ModelState b, RevisionFile merge) {
    Set<String> reported = new TreeSet<>();
    Map<String, Origin> changedA = changed(base, a);
    Map<String, Origin> changedB = changed(base, b);
    Set<String> wholesA = wholes(changedA.keySet());
    for (Map.Entry<String, Origin> entry : changedB.entrySet()) {
      String key = entry.getKey();
      // the scan for a key of the other side that contains this one or is contained by it runs
      // only when there is one (an error): O(1) per key otherwise, not O(changes of A)
      Optional<String> clash = changedA.containsKey(key) ? Optional.of(key)
          : !nested(key, changedA.keySet(), wholesA) ? Optional.empty()
          : changedA.keySet().stream().filter(k -> key.startsWith(k + "/")
              || k.startsWith(key + "/")).findFirst();
      if (clash.isEmpty() || !reported.add(key)) {
        continue;
      }
      Origin first = changedA.get(clash.get());
      Origin second = entry.getValue();
      if (first.equals(second)) {
        continue;
      }
      Origin later = position(second) >= position(first) ? second : first;
      Origin earlier = later == second ? first : second;
      RevisionFile file = graph.revision(later.revision()).orElseThrow();
      diagnostics.add(new Diagnostic(Severity.ERROR, SchemaCode.BRANCH_CONFLICT.code(),
          describe(key) + " is changed on two branches before their merge "
              + merge.id(), Optional.of(new Location(file.source(), later.span())),
          List.of("note: the other branch changes it at " + earlier.describe(),
              "help: change it on one branch only, or after the merge")));
    }
  }

  /**
   * Every proper prefix of {@code keys} that ends before a {@code /}: {@code a} and {@code a/b}
   * for {@code a/b/c}.
   */
  private static Set<String> wholes(Set<String> keys) {
    Set<String> out = new HashSet<>();
    for (String k : keys) {
      for (int i = k.indexOf('/'); i >= 0; i = k.indexOf('/', i + 1)) {
        out.add(k.substring(0, i));
      }
    }
    return out;
  }

  /**
   * Whether some {@code k} of {@code keys} starts with {@code key + "/"}, or {@code key} starts
   * with {@code k + "/"} ({@code wholes} being {@link #wholes} of {@code keys}): the clash test of
   * {@link #conflicts} by look-ups instead of a scan.
   */
  private static boolean nested(String key, Set<String> keys, Set<String> wholes) {
    if (wholes.contains(key)) {
      return true;
    }
    for (int i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) {
      if (keys.contains(key.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  /** The position of the revision that made {@code origin}; -1 when it is not in the graph. */
  private int position(Origin origin) {
    return position.getOrDefault(origin.revision(), -1);
  }

  /**
   * The touched keys whose origin {@code side} changed since {@code base}, with that origin, by
   * the keys' strings (what the clash test and the message read).
   */
  private Map<String, Origin> changed(ModelState base, ModelState side) {
    Map<String, Origin> out = new HashMap<>();
    // the keys the side changed since the base, O(changes) when it descends from it (mostly)
    Collection<ModelState.Key> keys = side.touched.changedSince(base.touched)
        .<Collection<ModelState.Key>>map(k -> k).orElseGet(side.touched::keySet);
    for (ModelState.Key key : keys) {
      Origin origin = side.touched.get(key);
      if (origin != null && !origin.equals(base.touched.get(key))) {
        out.put(key.toString(), origin);
      }
    }
    return out;
  }

  /** A touched key as a message names it: {@code column "x" of relation public.t}. */
  private static String describe(String key) {
    String[] parts = key.split("/", 2);
    if (parts.length == 2) {
      return parts[1] + " of " + parts[0];
    }
    return parts[0];
  }
}
