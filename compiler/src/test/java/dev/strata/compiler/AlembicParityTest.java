package dev.strata.compiler;

import static dev.strata.compiler.Plans.downgrade;
import static dev.strata.compiler.Plans.order;
import static dev.strata.compiler.Plans.upgrade;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cases of Alembic's own test suite ({@code tests/test_revision.py}, {@code
 * tests/test_version_traversal.py}), re-expressed as strata graphs with the orders and version
 * rows Alembic's tests expect. Alembic's {@code iterate_revisions(upper, lower)} lists a plan head
 * first; an upgrade runs it reversed, so the expected upgrade orders below are Alembic's lists read
 * backwards. Where Alembic's test uses {@code inclusive=True}, the strata range starts one
 * revision lower; where strata needs a different spelling, the comment says why.
 */
class AlembicParityTest {

  /** Upgrade {@code range}: the steps run, and the version rows at the end (sorted). */
  static void up(RevisionGraph g, String range, List<String> steps, String... rows)
      throws Exception {
    Plan plan = upgrade(g, range);
    assertEquals(steps, order(plan), "upgrade " + range);
    assertEquals(sorted(rows), plan.toHeads(), "rows after upgrade " + range);
  }

  static void down(RevisionGraph g, String range, List<String> steps, String... rows)
      throws Exception {
    Plan plan = downgrade(g, range);
    assertEquals(steps, order(plan), "downgrade " + range);
    assertEquals(sorted(rows), plan.toHeads(), "rows after downgrade " + range);
  }

  /** Alembic's head-first list, as an upgrade runs it. */
  static List<String> reversed(String... walk) {
    List<String> result = new ArrayList<>(Arrays.asList(walk));
    java.util.Collections.reverse(result);
    return result;
  }

  private static List<String> sorted(String... rows) {
    return Arrays.stream(rows).sorted().toList();
  }

  /** test_version_traversal.py RevisionPathTest: a -> b -> c -> d -> e. */
  @Nested
  class RevisionPath {
    final RevisionGraph g =
        graph(
            rev("a"), rev("b").revises("a"), rev("c").revises("b"), rev("d").revises("c"),
            rev("e").revises("d"));

    RevisionPath() throws Exception {}

    @Test
    void upgradePath() throws Exception {
      up(g, "c:e", List.of("d", "e"), "e");
      up(g, "c", List.of("a", "b", "c"), "c");
    }

    @Test
    void relativeUpgradePath() throws Exception {
      up(g, "a:+2", List.of("b", "c"), "c");
      up(g, "a:+1", List.of("b"), "b");
      up(g, "b:+3", List.of("c", "d", "e"), "e");
      up(g, "a:b+2", List.of("b", "c", "d"), "d");
      up(g, "a:d-2", List.of("b"), "b");
    }

    @Test
    void downgradePath() throws Exception {
      down(g, "e:c", List.of("e", "d"), "c");
      down(g, "c:base", List.of("c", "b", "a"));
    }

    @Test
    void relativeDowngradePath() throws Exception {
      down(g, "c:-1", List.of("c"), "b");
      down(g, "e:-3", List.of("e", "d", "c"), "b");
      down(g, "d:a+2", List.of("d"), "c");
      down(g, "d:c-2", List.of("d", "c", "b"), "a");
    }
  }

  /**
   * test_version_traversal.py BranchedPathTest: a -> b -> {c1 (c1branch) -> d1, c2 (c2branch) ->
   * d2}, files in that order.
   */
  @Nested
  class BranchedPath {
    final RevisionGraph g =
        graph(
            rev("a"),
            rev("b").revises("a"),
            rev("c1").revises("b").branch("c1branch"),
            rev("d1").revises("c1"),
            rev("c2").revises("b").branch("c2branch"),
            rev("d2").revises("c2"));

    BranchedPath() throws Exception {}

    @Test
    void branchLabelsStopAtTheBranchPoint() {
      assertEquals(List.of(), g.branchLabels("b"));
      assertEquals(List.of("c1branch"), g.branchLabels("d1"));
      assertEquals(List.of("c2branch"), g.branchLabels("c2"));
    }

    @Test
    void upgradeBranches() throws Exception {
      up(g, "b:d1", List.of("c1", "d1"), "d1");
      up(g, "a:d1,d2", List.of("b", "c2", "d2", "c1", "d1"), "d1", "d2");
      down(g, "d1,d2:a", List.of("d1", "c1", "d2", "c2", "b"), "a");
    }

    @Test
    void relativeUpgrade() throws Exception {
      up(g, "b:c2branch@head-1", List.of("c2"), "c2");
    }

    @Test
    void relativeDowngradeFromBase() throws Exception {
      // base+2 is b, no branch: everything above b goes
      down(g, "d2,d1:base+2", List.of("d1", "c1", "d2", "c2"), "b");
      // c2branch@base+2 is b on branch c2branch: only that branch goes back to b
      down(g, "d2,d1:c2branch@base+2", List.of("d2", "c2"), "d1");
      down(g, "d2,d1:c2branch@base+3", List.of("d2"), "c2", "d1");
      down(g, "d2,d1:c2", List.of("d2"), "c2", "d1");
    }

    @Test
    void labelledRelativeDowngrade() throws Exception {
      down(g, "d1,d2:c1branch@-1", List.of("d1"), "c1", "d2");
      down(g, "d1,d2:c1branch@head-1", List.of("d1"), "c1", "d2");
      // Alembic issue #765: REV-N does not depend on the order of the current heads
      down(g, "d2,c1:d2-1", List.of("d2"), "c1", "c2");
      down(g, "c1,d2:d2-1", List.of("d2"), "c1", "c2");
    }

    @Test
    void downgradeOneBranchToTheBranchPoint() throws Exception {
      down(g, "c1,d2:c1branch@b", List.of("c1"), "d2");
      down(g, "c1,d2:c2branch@b", List.of("d2", "c2"), "c1");
      // a revision stands for the branch it is on
      down(g, "d1,d2:c2@b", List.of("d2", "c2"), "d1");
      down(g, "d1,d2:d1@b", List.of("d1", "c1"), "d2");
    }

    @Test
    void upgradeOneBranchOfHeads() throws Exception {
      // Alembic keeps the other head implicitly; strata's TO names every head at the end
      up(g, "c1:c1,c2branch@+1", List.of("c2"), "c1", "c2");
      up(g, "c1,c2:c1,c2branch@+1", List.of("d2"), "c1", "d2");
    }

    @Test
    void fromBase() throws Exception {
      up(g, "base+1", List.of("a"), "a");
      up(g, "+1", List.of("a"), "a");
      down(g, "a:-1", List.of("a"));
    }

    @Test
    void downgradeWithoutEffect() throws Exception {
      down(g, "d1,c2:c2", List.of(), "c2", "d1");
      down(g, "d1,c2:d1", List.of(), "c2", "d1");
    }
  }

  /**
   * test_revision.py LabeledBranchTest: a (abranch) -> b -> somelongername -> c; d -> e (ebranch)
   * -> someothername -> f.
   */
  @Nested
  class LabeledBranch {
    final RevisionGraph g =
        graph(
            rev("a").branch("abranch"),
            rev("b").revises("a"),
            rev("somelongername").revises("b"),
            rev("c").revises("somelongername"),
            rev("d"),
            rev("e").revises("d").branch("ebranch"),
            rev("someothername").revises("e"),
            rev("f").revises("someothername"));
    final Planner planner = new Planner(g);

    LabeledBranch() throws Exception {}

    @Test
    void branchAtSyntax() throws Exception {
      assertEquals(List.of("c"), planner.resolve(Range.targets("abranch@head")));
      assertEquals(List.of(), planner.resolve(Range.targets("abranch@base")));
      assertEquals(List.of("f"), planner.resolve(Range.targets("ebranch@head")));
      assertEquals(List.of("d"), planner.resolve(Range.targets("ebranch@d")));
      assertEquals(List.of("c"), planner.resolve(Range.targets("abranch@heads")));
      assertEquals(List.of("e"), planner.resolve(Range.targets("ebranch@ebranch")));
    }

    @Test
    void labelIsAnAliasForItsRevision() throws Exception {
      assertEquals(List.of("a"), planner.resolve(Range.targets("abranch")));
      assertEquals(List.of("e"), planner.resolve(Range.targets("ebranch")));
      assertEquals(List.of("e"), planner.resolve(Range.targets("e")));
    }

    @Test
    void prefixWithinTheBranch() throws Exception {
      // both ids start with 'some'; the branch decides
      assertEquals(List.of("someothername"), planner.resolve(Range.targets("ebranch@some")));
      assertEquals(List.of("somelongername"), planner.resolve(Range.targets("abranch@some")));
    }

    @Test
    void revisionStandsForItsBranch() throws Exception {
      assertEquals(List.of("d"), planner.resolve(Range.targets("e@d")));
      assertEquals(List.of("d"), planner.resolve(Range.targets("someoth@d")));
    }

    @Test
    void branchLabelMembership() {
      // a label covers its revision, its descendants, and its ancestors up to a branch point
      assertEquals(List.of("abranch"), g.branchLabels("c"));
      assertEquals(List.of("abranch"), g.branchLabels("a"));
      assertEquals(List.of("ebranch"), g.branchLabels("d"));
      assertEquals(List.of("ebranch"), g.branchLabels("f"));
    }

    @Test
    void iterateToNamedBase() throws Exception {
      // FROM 'LABEL@base' confines 'heads' to the label's branch (Alembic's "named bases")
      up(g, "ebranch@base:heads", reversed("f", "someothername", "e", "d"), "f");
      up(g, "abranch@base:heads", reversed("c", "somelongername", "b", "a"), "c");
      up(g, "e@base:heads", reversed("f", "someothername", "e", "d"), "f");
      up(g, "c@base:heads", reversed("c", "somelongername", "b", "a"), "c");
    }

    @Test
    void iterateNamedHeadToBase() throws Exception {
      up(g, "ebranch@head", reversed("f", "someothername", "e", "d"), "f");
      up(g, "abranch@head", reversed("c", "somelongername", "b", "a"), "c");
    }

    @Test
    void branchWithRelativeSteps() throws Exception {
      // Alembic's ("heads", "ebranch@-2", inclusive) starts at e; strata counts from a revision
      up(g, "ebranch@head-3:heads", reversed("f", "someothername", "e"), "f");
      up(g, "ebranch@+2", reversed("e", "d"), "e");
    }
  }

  /** test_revision.py BranchTravellingTest: a1 -> a2 -> a3 -> {b1 ..., b2 ...} with a merge. */
  @Nested
  class BranchTravelling {
    final RevisionGraph g =
        graph(
            rev("a1"),
            rev("a2").revises("a1"),
            rev("a3").revises("a2"),
            rev("b1").revises("a3"),
            rev("b2").revises("a3"),
            rev("cb1").revises("b1"),
            rev("cb2").revises("b2"),
            rev("db1").revises("cb1"),
            rev("db2").revises("cb2"),
            rev("e1b1").revises("db1"),
            rev("fe1b1").revises("e1b1"),
            rev("e2b1").revises("db1"),
            rev("e2b2").revises("db2"),
            rev("merge").revises("e2b1", "e2b2"));

    BranchTravelling() throws Exception {}

    @Test
    void oneBranchBothToMerge() throws Exception {
      up(g, "cb1:merge", reversed("merge", "e2b1", "db1", "e2b2", "db2", "cb2", "b2"), "merge");
    }

    @Test
    void threeBranchesEndInSingleBranch() throws Exception {
      up(
          g,
          "a2:merge,fe1b1",
          reversed(
              "fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2",
              "a3"),
          "fe1b1",
          "merge");
    }

    @Test
    void twoBranchesToRoot() throws Exception {
      List<String> walk =
          List.of(
              "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
      up(g, "merge", reversed(walk.toArray(String[]::new)), "merge");
      down(g, "merge:base", walk);
      up(g, "a1:merge", reversed(walk.subList(0, 11).toArray(String[]::new)), "merge");
    }

    @Test
    void threeBranchesToRoot() throws Exception {
      up(
          g,
          "merge,fe1b1",
          reversed(
              "fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2",
              "a3", "a2", "a1"),
          "fe1b1",
          "merge");
    }

    @Test
    void threeBranchesEndMultipleBases() throws Exception {
      up(
          g,
          "b1,b2:merge,fe1b1",
          reversed("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2"),
          "fe1b1",
          "merge");
      up(
          g,
          "cb1,cb2:merge,fe1b1",
          reversed("fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2"),
          "fe1b1",
          "merge");
    }

    @Test
    void threeBranchesFromBlank() throws Exception {
      up(
          g,
          "e2b1,b2,fe1b1",
          reversed("b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1"),
          "b2",
          "e2b1",
          "fe1b1");
      up(
          g,
          "fe1b1",
          reversed("fe1b1", "e1b1", "db1", "cb1", "b1", "a3", "a2", "a1"),
          "fe1b1");
    }

    @Test
    void relativeStepsAcrossTheMerge() throws Exception {
      // down from the merge is ambiguous without a branch; a revision on one side names it
      assertEquals(List.of("e2b1"), new Planner(g).resolve(Range.targets("e2b1@merge-1")));
      assertEquals(List.of("e2b2"), new Planner(g).resolve(Range.targets("db2@merge-1")));
      assertEquals(List.of("merge"), new Planner(g).resolve(Range.targets("e2b2+1")));
      assertEquals(List.of("a3"), new Planner(g).resolve(Range.targets("b2@merge-5")));
    }
  }
}
