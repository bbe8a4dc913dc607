package dev.strata.compiler;

import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * What one step does to the version table, as data: its revision takes the place of some of its
 * parents' rows (an upgrade), or gives its row back to them (a downgrade). This is the one place
 * where the {@link VersionTableOp}s of a step are written, so that the planner's steps and the
 * inverse of a plan ({@link Plan#inverse()}) have the same form:
 *
 * <ul>
 *   <li>upgrade, no parent rows: {@code INSERT revision} (create branch);
 *   <li>upgrade: {@code DELETE} every parent row but the last, {@code UPDATE last -> revision}
 *       (merge, or a plain update with one);
 *   <li>downgrade, no parent rows: {@code DELETE revision} (delete branch);
 *   <li>downgrade: {@code INSERT} every parent row but the first, {@code UPDATE revision -> first}
 *       (unmerge, or a plain update with one).
 * </ul>
 *
 * @param revision the id of the step's revision
 * @param parentRows the parents (row parents: {@code revises:} then {@code depends-on:}, in written
 *     order) whose rows the revision replaces, or that become rows again when it is undone; empty
 *     when the revision's row is inserted or deleted alone
 */
record RowChange(String revision, List<String> parentRows) {

  RowChange {
    parentRows = List.copyOf(parentRows);
    if (parentRows.contains(revision)) {
      throw new IllegalArgumentException(revision + " is its own parent row");
    }
  }

  /** The version-table ops of this change in {@code direction}, in the form described above. */
  List<VersionTableOp> ops(Direction direction) {
    List<VersionTableOp> ops = new ArrayList<>();
    int n = parentRows.size();
    switch (direction) {
      case UPGRADE -> {
        if (n == 0) {
          ops.add(new VersionTableOp.InsertHead(revision));
        } else {
          parentRows.subList(0, n - 1).forEach(p -> ops.add(new VersionTableOp.DeleteHead(p)));
          ops.add(new VersionTableOp.UpdateHead(parentRows.get(n - 1), revision));
        }
      }
      case DOWNGRADE -> {
        if (n == 0) {
          ops.add(new VersionTableOp.DeleteHead(revision));
        } else {
          parentRows.subList(1, n).forEach(p -> ops.add(new VersionTableOp.InsertHead(p)));
          ops.add(new VersionTableOp.UpdateHead(revision, parentRows.get(0)));
        }
      }
    }
    return List.copyOf(ops);
  }

  /**
   * Reads back the change that {@link #ops(Direction)} wrote for {@code revision} in {@code
   * direction}.
   *
   * @throws IllegalStateException when {@code ops} do not have that form (a plan not made by the
   *     planner: a bug, never bad input)
   */
  static RowChange of(Direction direction, String revision, List<VersionTableOp> ops) {
    List<String> parents = new ArrayList<>();
    if (!ops.isEmpty() && ops.get(ops.size() - 1) instanceof VersionTableOp.UpdateHead update) {
      // the ops before the UPDATE name the other parent rows, in written order
      ops.subList(0, ops.size() - 1).forEach(op -> parents.add(named(op)));
      switch (direction) {
        case UPGRADE -> parents.add(update.from());
        case DOWNGRADE -> parents.add(0, update.to());
      }
    }
    if (parents.contains(revision)
        || !new RowChange(revision, parents).ops(direction).equals(ops)) {
      throw new IllegalStateException("the version-table ops " + ops + " of " + direction.word()
          + " " + revision + " are not in the planner's form");
    }
    return new RowChange(revision, parents);
  }

  /** The row an INSERT or DELETE names (an UPDATE here is out of form: the check above fails). */
  private static String named(VersionTableOp op) {
    return switch (op) {
      case VersionTableOp.InsertHead insert -> insert.revision();
      case VersionTableOp.DeleteHead delete -> delete.revision();
      case VersionTableOp.UpdateHead update -> update.to();
    };
  }
}
