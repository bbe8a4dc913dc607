package dev.strata.compiler;

import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The ordered steps between two states of the version table.
 *
 * @param direction upgrade or downgrade
 * @param fromHeads the version-table rows before the first step, sorted (empty = base)
 * @param toHeads the rows after the last step, sorted (empty = base)
 * @param steps in execution order: Alembic's order for the same graph
 *     ({@code RevisionMap._topological_sort}, reversed for upgrades)
 */
public record Plan(
    Direction direction, List<String> fromHeads, List<String> toHeads, List<Step> steps) {

  public Plan {
    fromHeads = List.copyOf(fromHeads);
    toHeads = List.copyOf(toHeads);
    steps = List.copyOf(steps);
  }

  /**
   * Whether the script must create the version table: it starts from base (no rows), as Alembic's
   * offline mode does ({@code if as_sql and not heads: version.create()}).
   */
  public boolean startsFromBase() {
    return fromHeads.isEmpty();
  }

  /**
   * The version-table rows after each step, sorted: element {@code i} is the state once step
   * {@code i} and its version-table changes have run; the last element equals {@link #toHeads()}.
   * Computed by replaying each step's {@link VersionTableOp}s from {@link #fromHeads()}.
   *
   * @throws IllegalStateException when the ops do not replay (an update or delete of a row that is
   *     not there, an insert of one that is): a planner bug, never bad input
   */
  public List<List<String>> headsAfterEachStep() {
    TreeSet<String> rows = new TreeSet<>(fromHeads);
    List<List<String>> after = new ArrayList<>(steps.size());
    for (Step step : steps) {
      for (VersionTableOp op : step.versionTableOps()) {
        boolean ok =
            switch (op) {
              case VersionTableOp.InsertHead insert -> rows.add(insert.revision());
              case VersionTableOp.UpdateHead update ->
                  rows.remove(update.from()) && rows.add(update.to());
              case VersionTableOp.DeleteHead delete -> rows.remove(delete.revision());
            };
        if (!ok) {
          throw new IllegalStateException(
              "version-table op " + op + " of step " + step.id() + " does not apply to " + rows);
        }
      }
      after.add(List.copyOf(rows));
    }
    return List.copyOf(after);
  }

  /**
   * This plan cut into one plan per step, in order: plan {@code i} runs step {@code i} alone, from
   * the rows before it to the rows after it (as {@link #headsAfterEachStep()} gives). Used for the
   * per-revision scripts of a bundle.
   */
  public List<Plan> perStep() {
    List<List<String>> after = headsAfterEachStep();
    List<Plan> plans = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      List<String> before = i == 0 ? fromHeads : after.get(i - 1);
      plans.add(new Plan(direction, before, after.get(i), List.of(steps.get(i))));
    }
    return List.copyOf(plans);
  }
}
