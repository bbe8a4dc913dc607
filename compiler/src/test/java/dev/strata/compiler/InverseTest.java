package dev.strata.compiler;

import static dev.strata.compiler.Plans.downgrade;
import static dev.strata.compiler.Plans.ops;
import static dev.strata.compiler.Plans.order;
import static dev.strata.compiler.Plans.upgrade;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Plan#inverse()}: the downgrade that undoes exactly one upgrade (a bundle's rollback). It is
 * the planner's {@code downgrade TO:FROM} wherever that drops the same revisions, and takes the
 * version table back to {@code FROM} where it does not (another branch, a dependency).
 */
class InverseTest {

  /** The sample chain's shape: 12 → lrs 13..17 and dividends 18..19, merged by 20, then 21. */
  static RevisionGraph ledger() throws Exception {
    return graph(
        rev("r12"),
        rev("r13").revises("r12").branch("lrs"),
        rev("r14").revises("r13"),
        rev("r17").revises("r14"),
        rev("r18").revises("r12").branch("dividends"),
        rev("r19").revises("r18"),
        rev("r20").revises("r17", "r19"),
        rev("r21").revises("r20"));
  }

  @Test
  void theInverseOfADiamondUpgradeIsItsDowngrade() throws Exception {
    RevisionGraph g = PlannerOrderTest.diamond();
    Plan up = upgrade(g, "base:head");
    assertEquals(downgrade(g, "4444dddd:base"), up.inverse());
    assertEquals(up, up.inverse().inverse());
  }

  @Test
  void upgradingPastABranchPointUndoesTheOtherBranchToo() throws Exception {
    // the report: bundle 0017:head crashed, because downgrade head:0017 leaves the dividends branch
    RevisionGraph g = ledger();
    Plan up = upgrade(g, "r17:r21");
    assertEquals(List.of("r18", "r19", "r20", "r21"), order(up));
    Plan back = Plans.checked(g, up.inverse());
    assertEquals(Direction.DOWNGRADE, back.direction());
    assertEquals(List.of("r21"), back.fromHeads());
    assertEquals(List.of("r17"), back.toHeads());
    assertEquals(List.of("r21", "r20", "r19", "r18"), order(back));
    assertEquals(
        List.of(
            "UPDATE r21 -> r20",
            "INSERT r19", // unmerge: r17 and r19 become rows again
            "UPDATE r20 -> r17",
            "UPDATE r19 -> r18",
            "DELETE r18"), // delete branch: r12 is still below r17
        ops(back));
    assertEquals(List.of("r20"), back.steps().get(1).fromRevisions());
    assertEquals(List.of("r17", "r19"), back.steps().get(1).toRevisions());
    assertEquals(Direction.DOWNGRADE, back.steps().get(1).body().direction());

    // downgrade r21:r17 drops only the descendants of r17 and ends at two rows, as Alembic does;
    // confined to the dividends branch the planner finds the inverse
    Plan planned = downgrade(g, "r21:r17");
    assertEquals(List.of("r21", "r20"), order(planned));
    assertEquals(List.of("r17", "r19"), planned.toHeads());
    assertEquals(back, downgrade(g, "r21:dividends@r12"));
  }

  @Test
  void aDependencyAppliedByTheUpgradeIsUndone() throws Exception {
    // b1 is a second base that depends on a1: upgrading a1 to both heads applies b1 as a new row
    RevisionGraph g = graph(
        rev("a1"), rev("a2").revises("a1"), rev("b0"), rev("b1").revises("b0").dependsOn("a1"));
    Plan up = upgrade(g, "a1:a2,b1");
    assertEquals(List.of("b0", "b1", "a2"), order(up));
    Plan back = Plans.checked(g, up.inverse());
    assertEquals(List.of("a2", "b1", "b0"), order(back));
    // b1 took both the b0 and the a1 row (depends-on takes part in the bookkeeping, as in
    // Alembic), so a2 got a row of its own; undone, b1 gives both back
    assertEquals(List.of("INSERT b0", "DELETE b0", "UPDATE a1 -> b1", "INSERT a2"), ops(up));
    assertEquals(List.of("DELETE a2", "INSERT a1", "UPDATE b1 -> b0", "DELETE b0"), ops(back));
    assertEquals(List.of("a1"), back.toHeads());
    assertEquals(List.of("a2"), order(downgrade(g, "a2,b1:a1")), "the planner drops a2 only");
  }

  @Test
  void aRangeThatTheDowngradePlannerCannotNameAtAllStillHasAnInverse() throws Exception {
    // c1 depends on a1 and replaces its row; downgrade c1:a1 is "nothing to downgrade" (E0305):
    // a1 is below c1 through depends-on only
    RevisionGraph g = graph(rev("a1"), rev("c1").dependsOn("a1"));
    Plan up = upgrade(g, "a1:c1");
    assertEquals(List.of("UPDATE a1 -> c1"), ops(up));
    Plan back = Plans.checked(g, up.inverse());
    assertEquals(List.of("UPDATE c1 -> a1"), ops(back));
    assertEquals(List.of("a1"), back.toHeads());
    assertTrue(Plans.error(g, Direction.DOWNGRADE, "c1:a1").contains("error[E0305]"));
  }

  @Test
  void anEmptyPlanInvertsToAnEmptyPlanAtTheSameRows() throws Exception {
    Plan up = upgrade(ledger(), "r17,r19:r17,r19");
    Plan back = up.inverse();
    assertEquals(new Plan(Direction.DOWNGRADE, List.of("r17", "r19"), List.of("r17", "r19"),
        List.of()), back);
  }

  @Test
  void everyRevisionWithoutADowngradeIsE0306InTheOrderTheRollbackRuns() throws Exception {
    RevisionGraph g = graph(rev("a1"), rev("a2").revises("a1").noDowngrade(),
        rev("a3").revises("a2"), rev("a4").revises("a3").noDowngrade());
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> upgrade(g, "a1:a4").inverse());
    assertEquals(Plans.error(g, Direction.DOWNGRADE, "a4:a1"), e.format());
    assertEquals(
        """
        versions/a4.sql:1:14: error[E0306]: revision 'a4' has no '-- +downgrade' section
          1 | -- revision: a4
            |              ^^
          = help: add a '-- +downgrade' section that undoes its upgrade, or stop the downgrade\
         above it
        versions/a2.sql:1:14: error[E0306]: revision 'a2' has no '-- +downgrade' section
          1 | -- revision: a2
            |              ^^
          = help: add a '-- +downgrade' section that undoes its upgrade, or stop the downgrade\
         above it
        """,
        e.format());
  }

  @Test
  void opsNotInThePlannersFormAreABugNotAnInverse() {
    List<VersionTableOp> twoUpdates = List.of(
        new VersionTableOp.UpdateHead("p", "r"), new VersionTableOp.UpdateHead("q", "r"));
    assertThrows(IllegalStateException.class,
        () -> RowChange.of(Direction.UPGRADE, "r", twoUpdates));
    List<VersionTableOp> wrongRow = List.of(new VersionTableOp.InsertHead("other"));
    assertThrows(IllegalStateException.class,
        () -> RowChange.of(Direction.UPGRADE, "r", wrongRow));
    List<VersionTableOp> upgradeForm = List.of(
        new VersionTableOp.DeleteHead("p"), new VersionTableOp.UpdateHead("q", "r"));
    assertEquals(List.of("p", "q"), RowChange.of(Direction.UPGRADE, "r", upgradeForm).parentRows());
    assertThrows(IllegalStateException.class,
        () -> RowChange.of(Direction.DOWNGRADE, "r", upgradeForm));
  }

  /**
   * On random graphs (merges, several bases, depends-on): for every upgrade {@code X:heads} and
   * {@code base:X}, the inverse runs children before parents, replays from the upgrade's end rows
   * to its start rows, inverts back to the upgrade, and is exactly the planner's downgrade of the
   * reversed range whenever that drops the same revisions; otherwise the planner drops a strict
   * subset and ends at other rows.
   */
  @Test
  void randomGraphsInvertToTheirStartAndAgreeWithTheDowngradePlanner() throws Exception {
    int equal = 0;
    int fewer = 0;
    for (int seed = 0; seed < 150; seed++) {
      Random random = new Random(seed);
      List<Rev> revs = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      int n = 2 + random.nextInt(10);
      for (int i = 0; i < n; i++) {
        Rev r = rev("n" + i);
        List<String> parents = new ArrayList<>();
        if (i > 0 && random.nextDouble() < 0.85) {
          parents.add(ids.get(random.nextInt(i)));
          String second = ids.get(random.nextInt(i));
          if (random.nextDouble() < 0.3 && !parents.contains(second)) {
            parents.add(second);
          }
          r.revises(parents.toArray(String[]::new));
        }
        if (i > 1 && random.nextDouble() < 0.25) {
          String dependency = ids.get(random.nextInt(i));
          if (!parents.contains(dependency)) {
            r.dependsOn(dependency);
          }
        }
        revs.add(r);
        ids.add("n" + i);
      }
      RevisionGraph g;
      try {
        g = graph(revs.toArray(Rev[]::new));
      } catch (DiagnosticException e) {
        continue; // a redundant link (E0206): not a graph
      }
      String heads = String.join(",", g.realHeads());
      for (String x : ids) {
        for (String range : List.of(x + ":" + heads, "base:" + x)) {
          String context = "seed " + seed + ", upgrade " + range;
          Plan up;
          try {
            up = upgrade(g, range);
          } catch (DiagnosticException e) {
            continue; // x is a head and names it twice, or an ancestor of another head (E0307)
          }
          Plan back = Plans.checked(g, up.inverse());
          assertEquals(up.toHeads(), back.fromHeads(), context);
          assertEquals(up.fromHeads(), back.toHeads(), context);
          assertEquals(up, back.inverse(), context);
          String[] sides = range.split(":");
          String reversed = String.join(",", up.toHeads().isEmpty() ? List.of("base")
              : up.toHeads()) + ":" + sides[0];
          Plan planned;
          try {
            planned = downgrade(g, reversed);
          } catch (DiagnosticException e) {
            assertTrue(e.format().contains("error[E0305]: nothing to downgrade"), context);
            fewer++;
            continue;
          }
          if (new HashSet<>(order(planned)).equals(new HashSet<>(order(back)))) {
            assertEquals(back, planned, context);
            equal++;
          } else {
            assertTrue(new HashSet<>(order(back)).containsAll(order(planned)), context);
            assertNotEquals(back.toHeads(), planned.toHeads(), context);
            fewer++;
          }
        }
      }
    }
    assertTrue(equal > 500 && fewer > 300, equal + " equal, " + fewer + " fewer");
  }
}
