package dev.strata.compiler;

import static dev.strata.compiler.Plans.downgrade;
import static dev.strata.compiler.Plans.order;
import static dev.strata.compiler.Plans.upgrade;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The target examples of docs/revision-graph.md, on the diamond with branch 'cart' on 3333cccc. */
class TargetExamplesTest {

  @Test
  void documentedExamples() throws Exception {
    RevisionGraph g = PlannerOrderTest.diamond();
    assertEquals(List.of("3333cccc"), order(upgrade(g, "1111aaaa:cart")));
    assertEquals(List.of("3333cccc"), order(upgrade(g, "1111aaaa:cart@1111aaaa+1")));
    assertEquals(List.of("1111aaaa"), order(upgrade(g, "base:+1")));
    assertEquals(
        List.of("1111aaaa", "3333cccc", "2222bbbb", "4444dddd"), order(upgrade(g, "cart@head")));
    Plan crossing = downgrade(g, "4444dddd:cart@4444dddd-2");
    assertEquals(List.of("4444dddd", "3333cccc"), order(crossing));
    assertEquals(List.of("2222bbbb"), crossing.toHeads());
    assertEquals(List.of("3333cccc"), order(downgrade(g, "2222bbbb,3333cccc:cart@-1")));
    assertEquals(List.of("3333cccc"), order(downgrade(g, "2222bbbb,3333cccc:cart@1111aaaa")));
    assertEquals(
        List.of("2222bbbb", "3333cccc"), order(downgrade(g, "2222bbbb,3333cccc:1111aaaa")));
    assertEquals(
        List.of("2222bbbb", "3333cccc", "1111aaaa"),
        order(downgrade(g, "2222bbbb,3333cccc:cart@base")));
  }

  @Test
  void severalTargetsAtOnce() throws Exception {
    RevisionGraph g = PlannerOrderTest.diamond();
    assertEquals(List.of("2222bbbb", "3333cccc"), resolve(g, "3333cccc,2222bbbb"));
    assertEquals(List.of("2222bbbb", "3333cccc"), resolve(g, "cart,2222"));
    assertEquals(List.of("3333cccc", "4444dddd"), resolve(g, "cart@heads,cart"));
    assertEquals(List.of("3333cccc"), resolve(g, "cart@head-1"));
    assertEquals(List.of(), resolve(g, "1111aaaa-1"));
  }

  private static List<String> resolve(RevisionGraph g, String targets) throws Exception {
    return new Planner(g).resolve(Range.targets(targets));
  }
}
