package dev.strata.compiler;

import dev.strata.grammar.ast.Direction;
import java.util.List;

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
}
