package dev.strata.compiler;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The revision graph of a versions directory, in Alembic's terms ({@code RevisionMap}): each
 * revision has parents ({@code revises:}, Alembic's {@code down_revision}) and dependencies ({@code
 * depends-on:}). File order (the order of the list given to {@link #build}, which the loader sorts
 * by file name) is the tie-breaker of every ordering, as Alembic's map insertion order is.
 *
 * <p>Every query returns revision ids in file order. Queries taking an id throw {@link
 * IllegalArgumentException} for an id that is not in the graph (use {@link #revision} to test).
 */
public final class RevisionGraph {
  private static final int[] NONE = new int[0];

  private final List<RevisionFile> revisions;
  private final Map<String, Integer> index = new HashMap<>();

  /** {@code revises}, as written. */
  private final int[][] parents;

  /** {@code depends-on}, as written. */
  private final int[][] dependencies;

  /** Alembic's {@code _normalized_down_revisions}: parents, then dependencies no ancestor has. */
  private final int[][] downRevisions;

  /** {@link #downRevisions} without those that are ancestors of another one of them. */
  private final int[][] rowParents;

  /** Revisions that revise this one. */
  private final int[][] children;

  /** Revisions whose {@link #downRevisions} hold this one (children and dependents). */
  private final int[][] downChildren;

  /** Length of the longest path to a base over revises and depends-on: prunes ancestor searches. */
  private final int[] depth;

  /** Built on first use (the constructor must finish first). */
  private BranchLabels labels;

  private RevisionGraph(List<RevisionFile> revisions) {
    this.revisions = revisions;
    int n = revisions.size();
    for (int i = 0; i < n; i++) {
      index.put(revisions.get(i).id(), i);
    }
    parents = new int[n][];
    dependencies = new int[n][];
    for (int i = 0; i < n; i++) {
      parents[i] = indices(revisions.get(i).header().revises());
      dependencies[i] = indices(revisions.get(i).header().dependsOn());
    }
    depth = depths();
    int[][] dependents = inverse(dependencies);
    downRevisions = new int[n][];
    for (int i = 0; i < n; i++) {
      downRevisions[i] = concat(parents[i], normalizedDependencies(i, dependents));
    }
    children = inverse(parents);
    downChildren = inverse(downRevisions);
    rowParents = new int[n][];
    for (int i = 0; i < n; i++) {
      rowParents[i] = withoutAncestors(downRevisions[i]);
    }
  }

  /**
   * Builds the graph of {@code files}, given in file order.
   *
   * @throws DiagnosticException with every graph error found: E0201 duplicate revision id, E0202
   *     unknown parent, E0203 unknown {@code depends-on} revision, E0204 cycle, E0205 duplicate
   *     branch label (or a label that is a revision id), E0206 a {@code depends-on} revision that
   *     is also a parent
   */
  public static RevisionGraph build(List<RevisionFile> files) throws DiagnosticException {
    return new RevisionGraph(GraphChecker.check(files));
  }

  /** Every revision, in file order. */
  public List<RevisionFile> revisions() {
    return revisions;
  }

  /** The revision with exactly this id. */
  public Optional<RevisionFile> revision(String id) {
    Integer i = index.get(id);
    return i == null ? Optional.empty() : Optional.of(revisions.get(i));
  }

  /**
   * Revisions that no revision revises (Alembic's {@code heads}): what {@code head} must resolve to
   * uniquely. A revision that is only depended on is still a head here.
   */
  public List<String> heads() {
    return select(i -> children[i].length == 0);
  }

  /**
   * Heads that no revision depends on either (Alembic's {@code _real_heads}): what the {@code
   * heads} target names, and the rows of the version table after upgrading to it.
   */
  public List<String> realHeads() {
    return select(i -> downChildren[i].length == 0);
  }

  /** Revisions that revise nothing ({@code revises: base}; they may still depend on others). */
  public List<String> bases() {
    return select(i -> parents[i].length == 0);
  }

  /** Revisions that two or more revisions revise. */
  public List<String> branchPoints() {
    return select(i -> children[i].length >= 2);
  }

  /** Revisions that revise two or more revisions. */
  public List<String> mergePoints() {
    return select(i -> parents[i].length >= 2);
  }

  /** The parents of {@code id}, as written in its {@code revises:} line. */
  public List<String> parents(String id) {
    return ids(parents[indexOf(id)]);
  }

  /** The revisions that revise {@code id}. */
  public List<String> children(String id) {
    return ids(children[indexOf(id)]);
  }

  /** The {@code depends-on:} revisions of {@code id}, as written. */
  public List<String> dependencies(String id) {
    return ids(dependencies[indexOf(id)]);
  }

  /** Every revision that must be applied before {@code id}, through parents and dependencies. */
  public List<String> ancestors(String id) {
    int i = indexOf(id);
    BitSet found = ancestors(List.of(i));
    found.clear(i);
    return ids(found.stream().toArray());
  }

  /** Every revision that needs {@code id} applied first, through parents and dependencies. */
  public List<String> descendants(String id) {
    int i = indexOf(id);
    BitSet found = descendants(List.of(i));
    found.clear(i);
    return ids(found.stream().toArray());
  }

  /**
   * The branch labels that apply to {@code id}, as Alembic's {@code Revision.branch_labels}: a
   * label applies to the revision declaring it, all its descendants, and its ancestors down to (not
   * including) the preceding branch point or merge point. Labels in file order of declaration.
   */
  public List<String> branchLabels(String id) {
    if (labels == null) {
      labels = new BranchLabels(this);
    }
    return labels.membersOf(indexOf(id));
  }

  // ---- package-private, by index (file order) --------------------------------------------

  int size() {
    return revisions.size();
  }

  RevisionFile file(int i) {
    return revisions.get(i);
  }

  /** The index of {@code id}, or -1. */
  int find(String id) {
    return index.getOrDefault(id, -1);
  }

  int[] parentsOf(int i) {
    return parents[i];
  }

  int[] childrenOf(int i) {
    return children[i];
  }

  int[] downRevisionsOf(int i) {
    return downRevisions[i];
  }

  int[] downChildrenOf(int i) {
    return downChildren[i];
  }

  /**
   * The down revisions that carry a version-table row: {@link #downRevisionsOf} without those that
   * are an ancestor of another of them (such a row would be redundant).
   */
  int[] rowParentsOf(int i) {
    return rowParents[i];
  }

  /** {@code from} and all their ancestors through down revisions. */
  BitSet ancestors(Iterable<Integer> from) {
    return closure(from, downRevisions);
  }

  /** {@code from} and all their descendants through down revisions. */
  BitSet descendants(Iterable<Integer> from) {
    return closure(from, downChildren);
  }

  /** Whether {@code a} is {@code b} or an ancestor of it (through down revisions). */
  boolean isAncestorOrSelf(int a, int b) {
    return reaches(b, a, downRevisions);
  }

  // ---- construction ------------------------------------------------------------------------

  private int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no revision '" + id + "'");
    }
    return i;
  }

  private int[] indices(List<HeaderValue> values) {
    Set<Integer> unique = new LinkedHashSet<>();
    values.forEach(v -> unique.add(index.get(v.text())));
    return unique.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Longest-path depth over parents and all dependencies (the graph is known to be acyclic). */
  private int[] depths() {
    int n = revisions.size();
    int[] waiting = new int[n];
    int[][] up = inverse(parents, dependencies);
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      waiting[i] = parents[i].length + dependencies[i].length;
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int[] result = new int[n];
    while (!ready.isEmpty()) {
      int done = ready.poll();
      for (int next : up[done]) {
        result[next] = Math.max(result[next], result[done] + 1);
        if (--waiting[next] == 0) {
          ready.add(next);
        }
      }
    }
    return result;
  }

  /**
   * Alembic's {@code _normalize_depends_on}: a dependency is dropped when an ancestor of the
   * revision (through {@code revises} only) already depends on it. Kept in written order.
   */
  private int[] normalizedDependencies(int i, int[][] dependents) {
    if (dependencies[i].length == 0) {
      return NONE;
    }
    return Arrays.stream(dependencies[i])
        .filter(d -> Arrays.stream(dependents[d]).noneMatch(o -> o != i && reaches(i, o, parents)))
        .toArray();
  }

  private int[] withoutAncestors(int[] down) {
    if (down.length < 2) {
      return down;
    }
    return Arrays.stream(down)
        .filter(a -> Arrays.stream(down).noneMatch(b -> b != a && reaches(b, a, downRevisions)))
        .toArray();
  }

  /**
   * Whether {@code target} is {@code from} or reachable from it along {@code edges}, which all lead
   * to a smaller {@link #depth}: the search never goes below the target's depth.
   */
  private boolean reaches(int from, int target, int[][] edges) {
    if (from == target) {
      return true;
    }
    if (depth[from] <= depth[target]) {
      return false;
    }
    BitSet seen = new BitSet(revisions.size());
    Deque<Integer> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      for (int next : edges[todo.pop()]) {
        if (next == target) {
          return true;
        }
        if (depth[next] > depth[target] && !seen.get(next)) {
          seen.set(next);
          todo.push(next);
        }
      }
    }
    return false;
  }

  private BitSet closure(Iterable<Integer> from, int[][] edges) {
    BitSet found = new BitSet(revisions.size());
    Deque<Integer> todo = new ArrayDeque<>();
    for (int i : from) {
      if (!found.get(i)) {
        found.set(i);
        todo.push(i);
      }
    }
    while (!todo.isEmpty()) {
      for (int next : edges[todo.pop()]) {
        if (!found.get(next)) {
          found.set(next);
          todo.push(next);
        }
      }
    }
    return found;
  }

  /** For each revision, the revisions that list it in any of {@code edgeSets}, ascending. */
  private int[][] inverse(int[][]... edgeSets) {
    int n = revisions.size();
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>(1));
    }
    for (int i = 0; i < n; i++) {
      for (int[][] edges : edgeSets) {
        for (int target : edges[i]) {
          List<Integer> list = lists.get(target);
          if (list.isEmpty() || list.get(list.size() - 1) != i) {
            list.add(i);
          }
        }
      }
    }
    int[][] result = new int[n][];
    for (int i = 0; i < n; i++) {
      result[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).stream().mapToInt(x -> x).toArray();
    }
    return result;
  }

  private static int[] concat(int[] first, int[] second) {
    if (second.length == 0) {
      return first;
    }
    Set<Integer> all = new LinkedHashSet<>();
    for (int x : first) {
      all.add(x);
    }
    for (int x : second) {
      all.add(x);
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<String> select(IntPredicate keep) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      if (keep.test(i)) {
        result.add(revisions.get(i).id());
      }
    }
    return List.copyOf(result);
  }

  List<String> ids(int[] indices) {
    List<String> result = new ArrayList<>(indices.length);
    for (int i : indices) {
      result.add(revisions.get(i).id());
    }
    return List.copyOf(result);
  }
}
