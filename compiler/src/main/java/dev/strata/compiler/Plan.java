package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
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

  /**
   * The plan that undoes this one exactly: the same steps in reverse order, each {@linkplain
   * Step#inverse() undone}, from {@link #toHeads()} back to {@link #fromHeads()}. A bundle's
   * {@code rollback.sql} is the inverse of its {@code upgrade.sql}. It is what {@code downgrade
   * TO:FROM} plans whenever that range drops the same revisions; where it drops fewer (the upgrade
   * also applied revisions that are not descendants of {@code FROM}: another branch, a dependency),
   * only the inverse takes the database back to {@code FROM} ({@code docs/revision-graph.md}).
   *
   * @throws DiagnosticException E0306 for each revision of an upgrade that has no {@code --
   *     +downgrade} section, in the order the inverse would run them
   * @throws IllegalStateException when a step's version-table changes are not in the planner's form
   *     or do not replay from {@link #fromHeads()}: a bug, never bad input
   */
  public Plan inverse() throws DiagnosticException {
    return inverse(file -> file.downgrade().orElseThrow(
        () -> new DiagnosticException(Step.noDowngrade(file))));
  }

  /**
   * The plan that undoes this one, as {@link #inverse()}, each downgrade body from {@code
   * downgrades} (the planner's {@link Planner#downgradeOf}: written or derived).
   *
   * @throws DiagnosticException what {@code downgrades} throws, for every step
   */
  public Plan inverse(Step.Downgrades downgrades) throws DiagnosticException {
    List<Step> undone = new ArrayList<>(steps.size());
    List<Diagnostic> missing = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      try {
        undone.add(steps.get(i).inverse(downgrades));
      } catch (DiagnosticException e) {
        missing.addAll(e.diagnostics());
      }
    }
    if (!missing.isEmpty()) {
      throw new DiagnosticException(missing);
    }
    Direction opposite = switch (direction) {
      case UPGRADE -> Direction.DOWNGRADE;
      case DOWNGRADE -> Direction.UPGRADE;
    };
    Plan inverse = new Plan(opposite, toHeads, fromHeads, undone);
    List<List<String>> after = inverse.headsAfterEachStep();
    List<String> end = after.isEmpty() ? toHeads : after.get(after.size() - 1);
    if (!end.equals(fromHeads)) {
      throw new IllegalStateException("the inverse of the " + direction.word() + " " + fromHeads
          + " -> " + toHeads + " " + steps.stream().map(Step::id).toList() + " ends at " + end);
    }
    return inverse;
  }
}
