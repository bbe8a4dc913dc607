package dev.strata.compiler.schema;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How the steps of a plan run on a {@link Replay}'s models: where each step starts ({@link
 * Starts}), and the walk that applies each step's body from there, handing the models to a
 * {@link Replay.StepModels}. What {@link Replay#alongPlan(Plan, Replay.StepModels)}, {@link
 * Replay#keptAlong} and {@link CheckedWalk} share.
 */
final class PlanWalk {
  private final Replay replay;
  private final GraphOrder graphOrder;

  PlanWalk(Replay replay) {
    this.replay = replay;
    this.graphOrder = replay.graphOrder;
  }

  /**
   * Where each step of a plan starts: {@code before} the rows before it, {@code continues}
   * whether it goes on from the state the previous step left ({@link #continuesFrom}), {@code
   * targets} the revisions whose models the other steps start from.
   */
  record Starts(List<List<String>> before, boolean[] continues, BitSet targets) {}

  /** Where each step of {@code plan} starts ({@link Starts}). */
  Starts starts(Plan plan) {
    List<List<String>> before = new ArrayList<>();
    List<List<String>> after = plan.headsAfterEachStep();
    int steps = plan.steps().size();
    for (int i = 0; i < steps; i++) {
      before.add(i == 0 ? plan.fromHeads() : after.get(i - 1));
    }
    boolean[] continues = new boolean[steps];
    BitSet targets = new BitSet();
    for (int i = 0; i < steps; i++) {
      continues[i] = i > 0 && continuesFrom(plan.steps().get(i - 1), before.get(i - 1),
          after.get(i - 1));
      if (!continues[i]) {
        targets.or(graphOrder.indices(before.get(i)));
      }
    }
    return new Starts(before, continues, targets);
  }

  /**
   * Runs the steps of {@code plan} on the models {@code pass} kept at {@code starts}, handing each
   * step's models to {@code visitor}; the statements' diagnostics go to {@code diagnostics}, whose
   * errors stop it after the step that found them.
   */
  void walk(Plan plan, Starts starts, ReplayPass pass, List<Diagnostic> diagnostics,
      Replay.StepModels visitor) throws DiagnosticException {
    ModelState state = null;
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      if (!starts.continues()[i]) {
        List<String> before = starts.before().get(i);
        state = before.isEmpty() ? new ModelState()
            : pass.merged(graphOrder.indices(before)).copy();
      }
      List<SchemaModel> models = Replay.applyStep(
          new Applier(state, step.revision(), diagnostics, replay.dialect), state, step);
      Replay.throwErrors(diagnostics);
      visitor.step(i, List.copyOf(models));
    }
  }

  /**
   * The plans whose starts are among {@code targets}, walked on the models {@code pass} kept
   * there ({@link Replay#keptAlong}).
   */
  PlanModels kept(ReplayPass pass, BitSet targets) {
    return new PlanModels() {
      @Override
      public DialectId dialect() {
        return replay.dialect;
      }

      @Override
      public void alongPlan(Plan plan, Replay.StepModels visitor) throws DiagnosticException {
        Starts starts = starts(plan);
        BitSet missing = (BitSet) starts.targets().clone();
        missing.andNot(targets);
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException("not a plan these models were kept for: "
              + plan.steps().stream().map(Step::id).toList());
        }
        List<Diagnostic> own = new ArrayList<>();
        walk(plan, starts, pass, own, visitor);
        Replay.throwErrors(own);
      }
    };
  }

  /**
   * Whether the state after {@code step} (an upgrade from the rows {@code from} to {@code to}) is
   * the replay's state at {@code to}: the step started from exactly its revision's parents and
   * dependencies and left its revision as the only row.
   */
  private boolean continuesFrom(Step step, List<String> from, List<String> to) {
    if (step.direction() != Direction.UPGRADE || !to.equals(List.of(step.id()))) {
      return false;
    }
    Integer k = replay.position.get(step.id());
    return k != null && graphOrder.comesRightAfter(k, from);
  }
}
