package dev.strata.compiler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of the version table while a plan runs, and the {@link VersionTableOp}s each step needs:
 * Alembic's {@code HeadMaintainer.update_to_step} with its five cases, checked in its order (delete
 * branch, create branch, merge, unmerge, plain update).
 *
 * <p>Alembic picks which parent row a merge UPDATEs (and which rows an unmerge INSERTs) in Python
 * set order, so its output varies between runs. Here the choice is fixed: a merge DELETEs the
 * parents that are rows in written order ({@code revises:} then {@code depends-on:}) except the
 * last, which it UPDATEs; an unmerge INSERTs the parents that become rows in written order except
 * the first, then UPDATEs its row to the first. Both match the transcripts in Alembic's docs.
 *
 * <p>The state is the set of applied revisions (always closed under ancestors) and, per revision,
 * how many applied revisions have it as a row parent; the rows are the applied revisions that no
 * applied revision has as a row parent. "Is this parent still below another row?" (Alembic's
 * ancestor sets of the other heads) is then "does it have another applied child?", so each step
 * costs only its number of parents.
 */
final class VersionRows {
  private final RevisionGraph graph;
  private final BitSet applied;
  private final int[] appliedChildren;
  private final Set<Integer> rows = new LinkedHashSet<>();

  /**
   * @param startRows the rows before the first step: revisions none of which is an ancestor of
   *     another
   */
  VersionRows(RevisionGraph graph, List<Integer> startRows) {
    this.graph = graph;
    this.applied = graph.ancestors(startRows);
    this.appliedChildren = new int[graph.size()];
    applied.stream()
        .forEach(
            x -> {
              for (int parent : graph.rowParentsOf(x)) {
                appliedChildren[parent]++;
              }
            });
    rows.addAll(startRows);
  }

  /** The current rows, as revision indices. */
  Set<Integer> rows() {
    return Set.copyOf(rows);
  }

  /** Applies {@code revision} and returns the version-table changes that record it. */
  List<VersionTableOp> upgrade(int revision) {
    String id = id(revision);
    List<Integer> parentRows = new ArrayList<>();
    for (int parent : graph.rowParentsOf(revision)) {
      if (rows.contains(parent)) {
        parentRows.add(parent);
      }
    }
    List<VersionTableOp> ops = new ArrayList<>();
    if (parentRows.isEmpty()) {
      // create branch: a base, or no parent is a row (another branch grew from it already)
      ops.add(new VersionTableOp.InsertHead(id));
    } else {
      // merge (two or more parent rows) or plain update (exactly one)
      for (int parent : parentRows.subList(0, parentRows.size() - 1)) {
        ops.add(new VersionTableOp.DeleteHead(id(parent)));
        rows.remove(parent);
      }
      int last = parentRows.get(parentRows.size() - 1);
      ops.add(new VersionTableOp.UpdateHead(id(last), id));
      rows.remove(last);
    }
    rows.add(revision);
    applied.set(revision);
    for (int parent : graph.rowParentsOf(revision)) {
      appliedChildren[parent]++;
    }
    return List.copyOf(ops);
  }

  /** Un-applies {@code revision} (a current row) and returns the version-table changes. */
  List<VersionTableOp> downgrade(int revision) {
    if (!rows.contains(revision)) {
      throw new IllegalStateException("downgrade of " + id(revision) + ", which is not a row");
    }
    String id = id(revision);
    List<Integer> newRows = new ArrayList<>();
    for (int parent : graph.rowParentsOf(revision)) {
      if (appliedChildren[parent] == 1) {
        newRows.add(parent);
      }
    }
    List<VersionTableOp> ops = new ArrayList<>();
    rows.remove(revision);
    if (newRows.isEmpty()) {
      // delete branch: a base, or every parent is still below another row
      ops.add(new VersionTableOp.DeleteHead(id));
    } else {
      // unmerge (two or more parents become rows) or plain update (exactly one)
      for (int parent : newRows.subList(1, newRows.size())) {
        ops.add(new VersionTableOp.InsertHead(id(parent)));
        rows.add(parent);
      }
      ops.add(new VersionTableOp.UpdateHead(id, id(newRows.get(0))));
      rows.add(newRows.get(0));
    }
    applied.clear(revision);
    for (int parent : graph.rowParentsOf(revision)) {
      appliedChildren[parent]--;
    }
    return List.copyOf(ops);
  }

  private String id(int revision) {
    return graph.file(revision).id();
  }
}
