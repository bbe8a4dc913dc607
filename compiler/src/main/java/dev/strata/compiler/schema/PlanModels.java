package dev.strata.compiler.schema;

import dev.strata.compiler.Plan;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.DiagnosticException;

/**
 * Where a dialect that renders from the schema model (MySQL's {@code MODIFY COLUMN}, SQLite's
 * table rebuild) reads the models around each statement of a plan: a {@link Replay}, which makes
 * one replay pass per plan, or the pass {@link Replay#keptAlong} made once for many plans (a
 * bundle's per-revision scripts), which gives the same models.
 */
public interface PlanModels {
  /** The dialect whose database the models are of. */
  DialectId dialect();

  /**
   * Hands {@code visitor} the models around each step of {@code plan}, in plan order, as {@link
   * Replay#alongPlan(Plan, Replay.StepModels)} describes.
   *
   * @throws DiagnosticException when a revision on the way, or a step's statement, fails a check
   *     (E06xx); the visitor's own
   * @throws IllegalArgumentException for a plan these models were not made for
   */
  void alongPlan(Plan plan, Replay.StepModels visitor) throws DiagnosticException;
}
