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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Plan#inverse()}: the downgrade that undoes exactly one upgrade (a bundle's rollback). It
 * is the planner's {@code downgrade TO:FROM} wherever that drops the same revisions, and takes the
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
    // the planner derives their downgrades from the model instead (empty upgrades: empty bodies)
    assertEquals(3, Plans.downgrade(g, "a4:a1").steps().size());
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
   * On random graphs (merges, several bases, depends-on, shuffled file order): for every upgrade
   * {@code X:heads} and {@code base:X}, the inverse runs children before parents, replays from the
   * upgrade's end rows to its start rows and inverts back to the upgrade. Whenever the planner's
   * downgrade of the reversed range drops the same revisions, the inverse is exactly that plan, and
   * Alembic's walk and bookkeeping ({@link AlembicModel}) give the same order and rows after each
   * step; otherwise the downgrade drops a strict subset and ends at other rows, or nothing (E0305).
   */
  @Test
  void randomGraphsInvertToTheirStartAndAgreeWithTheDowngradePlannerAndAlembic() throws Exception {
    int[] counts = new int[2]; // [0] same revisions as the downgrade, [1] fewer in the downgrade
    for (int seed = 0; seed < 150; seed++) {
      RandomGraph random = RandomGraph.of(seed);
      if (random == null) {
        continue;
      }
      String heads = String.join(",", random.graph().realHeads());
      for (String x : random.model().fileOrder) {
        for (String range : List.of(x + ":" + heads, "base:" + x)) {
          check(random, range, "seed " + seed + ", upgrade " + range, counts);
        }
      }
    }
    assertTrue(counts[0] > 500 && counts[1] > 300, counts[0] + " same, " + counts[1] + " fewer");
  }

  private static void check(RandomGraph random, String range, String context, int[] counts)
      throws Exception {
    RevisionGraph g = random.graph();
    Plan up;
    try {
      up = upgrade(g, range);
    } catch (DiagnosticException e) {
      return; // x is a head and named twice, or an ancestor of another head (E0307)
    }
    Plan back = Plans.checked(g, up.inverse());
    assertEquals(up.toHeads(), back.fromHeads(), context);
    assertEquals(up.fromHeads(), back.toHeads(), context);
    assertEquals(up, back.inverse(), context);
    String from = range.substring(0, range.indexOf(':'));
    Plan planned;
    try {
      planned = downgrade(g, String.join(",", up.toHeads()) + ":" + from);
    } catch (DiagnosticException e) {
      assertTrue(e.format().contains("error[E0305]: nothing to downgrade"), context);
      counts[1]++;
      return;
    }
    if (!new HashSet<>(order(planned)).equals(new HashSet<>(order(back)))) {
      assertTrue(new HashSet<>(order(back)).containsAll(order(planned)), context);
      assertNotEquals(back.toHeads(), planned.toHeads(), context);
      counts[1]++;
      return;
    }
    assertEquals(back, planned, context);
    counts[0]++;
    AlembicModel model = random.model();
    Optional<String> target = from.equals("base") ? Optional.empty() : Optional.of(from);
    assertEquals(Optional.of(order(back)), model.downgrade(up.toHeads(), target), context);
    Set<String> rows = new HashSet<>(back.fromHeads());
    List<List<String>> after = back.headsAfterEachStep();
    for (int i = 0; i < after.size(); i++) {
      Optional<Set<String>> next = model.step(rows, back.steps().get(i).id(), false);
      if (next.isEmpty()) {
        return; // Alembic itself fails here (a redundant parent row)
      }
      rows = next.get();
      assertEquals(rows, new HashSet<>(after.get(i)), context + ", rows after step " + i);
    }
  }

  /** A random graph built both as revision files and as {@link AlembicModel}. */
  private record RandomGraph(RevisionGraph graph, AlembicModel model) {

    /** The graph of {@code seed}, or null when the draw is not a valid graph (E0206). */
    static RandomGraph of(int seed) {
      Random random = new Random(seed);
      Map<String, List<String>> parents = new HashMap<>();
      Map<String, List<String>> dependencies = new HashMap<>();
      List<String> ids = new ArrayList<>();
      int n = 2 + random.nextInt(10);
      for (int i = 0; i < n; i++) {
        List<String> ps = new ArrayList<>();
        List<String> ds = new ArrayList<>();
        if (i > 0 && random.nextDouble() < 0.85) {
          ps.add(ids.get(random.nextInt(i)));
          String second = ids.get(random.nextInt(i));
          if (random.nextDouble() < 0.3 && !ps.contains(second)) {
            ps.add(second);
          }
        }
        if (i > 1 && random.nextDouble() < 0.25) {
          String dependency = ids.get(random.nextInt(i));
          if (!ps.contains(dependency)) {
            ds.add(dependency);
          }
        }
        ids.add("n" + i);
        parents.put("n" + i, ps);
        dependencies.put("n" + i, ds);
      }
      Collections.shuffle(ids, random);
      Rev[] revs = ids.stream()
          .map(id -> rev(id).revises(parents.get(id).toArray(String[]::new))
              .dependsOn(dependencies.get(id).toArray(String[]::new)))
          .toArray(Rev[]::new);
      try {
        return new RandomGraph(Rev.graph(revs), new AlembicModel(ids, parents, dependencies));
      } catch (DiagnosticException e) {
        return null;
      }
    }
  }
}
