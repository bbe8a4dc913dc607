package dev.strata.compiler.schema;

import dev.strata.compiler.Plan;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@link Replay#diagnosticsAlongPlan}: one pass over a graph that makes the schema checks of the
 * whole graph ({@link Replay#diagnostics()}) and hands a visitor the models around each step of an
 * upgrade plan ({@link Replay#alongPlan(Plan, Replay.StepModels)}), with the errors {@code
 * alongPlan} would have thrown; see that method for the rules.
 */
final class CheckedWalk {
  private CheckedWalk() {}

  /** {@link Replay#diagnosticsAlongPlan} of {@code replay}. */
  static Replay.Checked walk(Replay replay, Plan plan, Replay.StepModels visitor)
      throws DiagnosticException {
    // where alongPlan starts each step; its own pass replays the revisions its starts need, where
    // any error stops it; elsewhere only a step's own errors do
    PlanWalk.Starts starts = replay.planWalk.starts(plan);
    // by position in the replay order: the step that applies that revision, or -1
    int[] stepAt = new int[replay.graphOrder.order().size()];
    java.util.Arrays.fill(stepAt, -1);
    List<Integer> others = new ArrayList<>();
    BitSet targets = replay.graphOrder.sinks();
    for (int i = 0; i < plan.steps().size(); i++) {
      var step = plan.steps().get(i);
      List<String> from = starts.before().get(i);
      Integer k = replay.position.get(step.id());
      if (k != null && step.direction() == Direction.UPGRADE && stepAt[k] < 0
          && replay.graphOrder.comesRightAfter(k, from)) {
        stepAt[k] = i;
      } else {
        others.add(i);
        targets.or(replay.graphOrder.indices(from));
      }
    }
    BitSet walkPass = replay.graphOrder.closure(starts.targets());
    List<Diagnostic> walkErrors = new ArrayList<>();
    ReplayPass pass = replay.run(targets, false, (k, applier, state, found, mark) -> {
      int merged = found.size(); // what the merge into k found is from mark to here
      int i = stepAt[k];
      if (i < 0 || !walkErrors.isEmpty()) {
        applier.applyRevision();
      } else {
        List<SchemaModel> models = Replay.applyStep(applier, state, plan.steps().get(i));
        if (Replay.errors(found.subList(merged, found.size())).isEmpty()) {
          visitor.step(i, List.copyOf(models));
        }
      }
      if (walkPass.get(k)) {
        walkErrors.addAll(Replay.errors(found.subList(mark, found.size())));
      } else if (i >= 0) {
        walkErrors.addAll(Replay.errors(found.subList(merged, found.size())));
      }
    });
    for (int i : others) {
      if (!walkErrors.isEmpty()) {
        break;
      }
      var step = plan.steps().get(i);
      List<String> from = starts.before().get(i);
      ModelState state = from.isEmpty() ? new ModelState()
          : pass.merged(replay.graphOrder.indices(from)).copy();
      List<Diagnostic> own = new ArrayList<>();
      List<SchemaModel> models =
          Replay.applyStep(new Applier(state, step.revision(), own, replay.dialect), state, step);
      walkErrors.addAll(Replay.errors(own));
      if (walkErrors.isEmpty()) {
        visitor.step(i, List.copyOf(models));
      }
    }
    return new Replay.Checked(pass.diagnostics, walkErrors);
  }
}
