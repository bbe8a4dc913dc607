package dev.strata.compiler;

import dev.strata.grammar.ast.Direction;
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
    List<Integer> parentRows = new ArrayList<>();
    for (int parent : graph.rowParentsOf(revision)) {
      if (rows.contains(parent)) {
        parentRows.add(parent);
      }
    }
    // create branch (no parent is a row: a base, or another branch grew from it already), merge
    // (two or more parent rows) or plain update (exactly one)
    parentRows.forEach(rows::remove);
    rows.add(revision);
    applied.set(revision);
    for (int parent : graph.rowParentsOf(revision)) {
      appliedChildren[parent]++;
    }
    return new RowChange(id(revision), ids(parentRows)).ops(Direction.UPGRADE);
  }

  /** Un-applies {@code revision} (a current row) and returns the version-table changes. */
  List<VersionTableOp> downgrade(int revision) {
    if (!rows.contains(revision)) {
      throw new IllegalStateException("downgrade of " + id(revision) + ", which is not a row");
    }
    List<Integer> newRows = new ArrayList<>();
    for (int parent : graph.rowParentsOf(revision)) {
      if (appliedChildren[parent] == 1) {
        newRows.add(parent);
      }
    }
    // delete branch (no parent becomes a row: a base, or every parent is still below another
    // row), unmerge (two or more become rows) or plain update (exactly one)
    rows.remove(revision);
    rows.addAll(newRows);
    applied.clear(revision);
    for (int parent : graph.rowParentsOf(revision)) {
      appliedChildren[parent]--;
    }
    return new RowChange(id(revision), ids(newRows)).ops(Direction.DOWNGRADE);
  }

  private List<String> ids(List<Integer> revisions) {
    return revisions.stream().map(this::id).toList();
  }

  private String id(int revision) {
    return graph.file(revision).id();
  }
}
