package dev.strata.compiler;

import static dev.strata.compiler.Plans.downgrade;
import static dev.strata.compiler.Plans.upgrade;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The version-table state along a plan, and the plan cut into one plan per step. */
class PlanTest {

  @Test
  void headsAfterEachStepThroughADiamond() throws Exception {
    // upgrades as 1111, 3333, 2222, 4444 (Alembic's order); 4444 merges 2222 and 3333
    Plan plan = upgrade(PlannerOrderTest.diamond(), "base:head");
    assertEquals(
        List.of(
            List.of("1111aaaa"),
            List.of("3333cccc"),
            List.of("2222bbbb", "3333cccc"),
            List.of("4444dddd")),
        plan.headsAfterEachStep());
    assertEquals(plan.toHeads(), plan.headsAfterEachStep().get(3));
  }

  @Test
  void perStepPlansChainFromTheFirstStateToTheLast() throws Exception {
    Plan plan = downgrade(PlannerOrderTest.diamond(), "4444dddd:base");
    List<Plan> steps = plan.perStep();
    assertEquals(plan.steps().size(), steps.size());
    assertEquals(plan.fromHeads(), steps.get(0).fromHeads());
    for (int i = 0; i < steps.size(); i++) {
      Plan one = steps.get(i);
      assertEquals(List.of(plan.steps().get(i)), one.steps());
      assertEquals(plan.direction(), one.direction());
      assertEquals(one.toHeads(), one.headsAfterEachStep().get(0));
      if (i > 0) {
        assertEquals(steps.get(i - 1).toHeads(), one.fromHeads());
      }
    }
    assertEquals(List.of(), steps.get(steps.size() - 1).toHeads());
  }

  @Test
  void resolveNamesRevisionsInFileOrder() throws Exception {
    Planner planner = new Planner(PlannerOrderTest.diamond());
    assertEquals(List.of("2222bbbb", "3333cccc"), planner.resolve(Range.targets("3333,2222bbbb")));
    assertEquals(List.of("4444dddd"), planner.resolve(Range.targets("heads")));
    assertEquals(List.of(), planner.resolve(Range.targets("base")));
    assertEquals(
        """
        <range>:1:1: error[E0301]: expected revisions, not a range FROM:TO
          1 | base:head
            | ^^^^^^^^^
        """,
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.strata.grammar.DiagnosticException.class,
            () -> planner.resolve(Range.targets("base:head")))
            .format());
  }
}
