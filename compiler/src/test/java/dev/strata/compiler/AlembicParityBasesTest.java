package dev.strata.compiler;

import static dev.strata.compiler.AlembicParityTest.down;
import static dev.strata.compiler.AlembicParityTest.reversed;
import static dev.strata.compiler.AlembicParityTest.up;
import static dev.strata.compiler.Plans.ops;
import static dev.strata.compiler.Plans.upgrade;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * More of Alembic's cases ({@code tests/test_revision.py}, {@code
 * tests/test_version_traversal.py}):
 * diamonds, several bases, depends-on across branches, merge points. See {@link AlembicParityTest}
 * for how Alembic's lists read as strata plans.
 */
class AlembicParityBasesTest {

  @Test
  void diamond() throws Exception {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b1").revises("a"),
            rev("b2").revises("a"),
            rev("c").revises("b1", "b2"),
            rev("d").revises("c"));
    up(g, "d", reversed("d", "c", "b1", "b2", "a"), "d");
    down(g, "d:base", List.of("d", "c", "b1", "b2", "a"));
  }

  @Test
  void longShortBranch() throws Exception {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b1").revises("a"),
            rev("b2").revises("a"),
            rev("c1").revises("b1"),
            rev("d11").revises("c1"),
            rev("d12").revises("c1"));
    List<String> walk = List.of("b2", "d11", "d12", "c1", "b1", "a");
    up(g, "heads", reversed(walk.toArray(String[]::new)), "b2", "d11", "d12");
    down(g, "heads:base", walk);
  }

  /** test_revision.py MultipleBranchTest. */
  @Nested
  class MultipleBranch {
    final RevisionGraph g =
        graph(
            rev("a"),
            rev("b1").revises("a"),
            rev("b2").revises("a"),
            rev("cb1").revises("b1"),
            rev("cb2").revises("b2"),
            rev("d1cb1").revises("cb1"),
            rev("d2cb1").revises("cb1"),
            rev("d1cb2").revises("cb2"),
            rev("d2cb2").revises("cb2"),
            rev("d3cb2").revises("cb2"),
            rev("d1d2cb2").revises("d1cb2", "d2cb2"));

    MultipleBranch() throws Exception {}

    @Test
    void orders() throws Exception {
      up(g, "d1d2cb2", reversed("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"), "d1d2cb2");
      up(g, "d2cb2,d3cb2", reversed("d2cb2", "d3cb2", "cb2", "b2", "a"), "d2cb2", "d3cb2");
      up(g, "d3cb2", reversed("d3cb2", "cb2", "b2", "a"), "d3cb2");
      up(g, "d3cb2,cb1", reversed("cb1", "b1", "d3cb2", "cb2", "b2", "a"), "cb1", "d3cb2");
    }

    @Test
    void wrongDirectionIsAnError() throws Exception {
      // Alembic: "Revision d1cb1 is not an ancestor of revision b1" (and of d2cb2, of base)
      for (String range : List.of("d1cb1:b1", "b1:d2cb2", "d1cb1:base")) {
        String text = Plans.error(g, dev.strata.grammar.ast.Direction.UPGRADE, range);
        assertEquals(true, text.contains("error[E0305]"), text);
      }
    }
  }

  /** test_revision.py MultipleBaseTest: three bases, a merge across two of them. */
  @Nested
  class MultipleBase {
    final RevisionGraph g =
        graph(
            rev("base1"),
            rev("base2"),
            rev("base3"),
            rev("a1a").revises("base1"),
            rev("a1b").revises("base1"),
            rev("a2").revises("base2"),
            rev("a3").revises("base3"),
            rev("b1a").revises("a1a"),
            rev("b1b").revises("a1b"),
            rev("b2").revises("a2"),
            rev("b3").revises("a3"),
            rev("c2").revises("b2"),
            rev("d2").revises("c2"),
            rev("mergeb3d2").revises("b3", "d2"));

    MultipleBase() throws Exception {}

    @Test
    void headsToBase() throws Exception {
      List<String> walk =
          List.of(
              "b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2",
              "b2", "a2", "base2");
      up(g, "heads", reversed(walk.toArray(String[]::new)), "b1a", "b1b", "mergeb3d2");
      down(g, "heads:base", walk);
    }

    @Test
    void headsFromOneRevisionWithImplicitBase() throws Exception {
      up(
          g,
          "c2:heads",
          reversed("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2"),
          "b1a",
          "b1b",
          "mergeb3d2");
      up(g, "base3:b3,b2", reversed("b2", "a2", "base2", "b3", "a3"), "b2", "b3");
    }
  }

  /** test_revision.py MultipleBaseCrossDependencyTestOne: labels b_1, b_2, b_3 on three bases. */
  @Nested
  class CrossDependency {
    final RevisionGraph g =
        graph(
            rev("base1").branch("b_1"),
            rev("a1a").revises("base1"),
            rev("a1b").revises("base1"),
            rev("b1a").revises("a1a"),
            rev("b1b").revises("a1b").dependsOn("a3"),
            rev("base2").branch("b_2"),
            rev("a2").revises("base2"),
            rev("b2").revises("a2"),
            rev("c2").revises("b2").dependsOn("a3"),
            rev("d2").revises("c2"),
            rev("base3").branch("b_3"),
            rev("a3").revises("base3"),
            rev("b3").revises("a3"));

    CrossDependency() throws Exception {}

    @Test
    void heads() {
      assertEquals(List.of("b1a", "b1b", "d2", "b3"), g.heads());
    }

    @Test
    void headsToBase() throws Exception {
      List<String> walk =
          List.of(
              "b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3",
              "base3");
      up(g, "heads", reversed(walk.toArray(String[]::new)), "b1a", "b1b", "b3", "d2");
      down(g, "heads:base", walk);
    }

    @Test
    void branchHeads() throws Exception {
      // the 2 branch relies on the 3 branch going up, not going down
      up(g, "b_2@head", reversed("d2", "c2", "b2", "a2", "base2", "a3", "base3"), "d2");
      down(g, "b_2@head:b_2@base", List.of("d2", "c2", "b2", "a2", "base2"), "a3");
      up(g, "b_3@head", reversed("b3", "a3", "base3"), "b3");
      down(g, "b_3@head:base", List.of("b3", "a3", "base3"));
      // a revision id stands for its branch
      up(g, "b1b@head", reversed("b1b", "a1b", "base1", "a3", "base3"), "b1b");
      down(g, "b1b@head:b1b@base", List.of("b1b", "a1b", "base1"), "a3");
    }

    @Test
    void branchBases() throws Exception {
      up(g, "b_2@base:heads", reversed("d2", "c2", "b2", "a2", "base2", "a3", "base3"), "d2");
      down(g, "heads:b_2@base", List.of("d2", "c2", "b2", "a2", "base2"), "b1a", "b1b", "b3");
      up(g, "b_3@base:heads", reversed("b3", "a3", "base3"), "b3");
      // a3 goes, so everything that depends on it goes first
      down(g, "heads:b_3@base", List.of("b1b", "d2", "c2", "b3", "a3", "base3"), "a1b", "b1a",
          "b2");
    }
  }

  /** test_revision.py MultipleBranchEffectiveHead: y2 revises y1 and depends on x1. */
  @Nested
  class EffectiveHead {
    final RevisionGraph g =
        graph(
            rev("y1").branch("y"),
            rev("x1").branch("x"),
            rev("y2").revises("y1").dependsOn("x1"),
            rev("x2").revises("x1"));

    EffectiveHead() throws Exception {}

    @Test
    void labelledStepDown() throws Exception {
      down(g, "x2,y2:x@-1", List.of("x2"), "y2");
      // x is not a current head: the step counts from what is applied of branch x
      down(g, "y2:x@-1", List.of("y2", "x1"), "y1");
    }
  }

  /** test_version_traversal.py BranchFromMergepointTest and BranchFrom3WayMergepointTest. */
  @Test
  void branchFromMergepoint() throws Exception {
    RevisionGraph g =
        graph(
            rev("a1"), rev("b1").revises("a1"), rev("c1").revises("b1"),
            rev("a2"), rev("b2").revises("a2"), rev("c2").revises("b2"),
            rev("d1").revises("c1", "c2"),
            rev("d2").revises("c2"));
    // Alembic keeps d2 implicitly; strata's TO names it
    up(g, "d2,b1:d1,d2", List.of("c1", "d1"), "d1", "d2");
    down(g, "d2,d1:b1", List.of("d1", "c1"), "b1", "d2");
  }

  @Test
  void branchFromThreeWayMergepoint() throws Exception {
    RevisionGraph g =
        graph(
            rev("a1"), rev("b1").revises("a1"), rev("c1").revises("b1"),
            rev("a2"), rev("b2").revises("a2"), rev("c2").revises("b2"),
            rev("a3"), rev("b3").revises("a3"), rev("c3").revises("b3"),
            rev("d1").revises("c1", "c2", "c3"),
            rev("d2").revises("c2"),
            rev("d3").revises("c3"));
    up(g, "d3,d2,b1:d1,d2,d3", List.of("c1", "d1"), "d1", "d2", "d3");
    down(g, "d3,d2,d1:b1", List.of("d1", "c1"), "b1", "d2", "d3");
    // b2 and b1 merge into d1; then b2's line breaks out again
    up(g, "d3,b2,b1:d1,d3", List.of("c2", "c1", "d1"), "d1", "d3");
    up(g, "d3,d1:d1,d2,d3", List.of("d2"), "d1", "d2", "d3");
  }

  /**
   * Membership across a merge: a label below a merge point covers the merge and what follows,
   * and walks down to the branch point; a label above a merge stops at the merge.
   */
  @Test
  void branchLabelsAroundAMerge() throws Exception {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b"),
            rev("c1").revises("a", "b"),
            rev("c2").revises("c1").branch("lib"),
            rev("d").revises("c2"),
            rev("e1").revises("d"),
            rev("e2").revises("d").branch("side"));
    assertEquals(List.of(), g.branchLabels("c1")); // a merge point stops the walk down
    assertEquals(List.of("lib"), g.branchLabels("c2"));
    assertEquals(List.of("lib"), g.branchLabels("d"));
    assertEquals(List.of("lib"), g.branchLabels("e1"));
    assertEquals(List.of("lib", "side"), g.branchLabels("e2"));
  }

  /** test_version_traversal.py TwinMergeTest: two merge points of the same three branches. */
  @Test
  void twinMerge() throws Exception {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b1").revises("a"),
            rev("b2").revises("a"),
            rev("b3").revises("a"),
            rev("c1").revises("b1", "b2", "b3"),
            rev("c2").revises("b1", "b2", "b3"),
            rev("d1").revises("c1"),
            rev("d2").revises("c2"));
    Plan plan = upgrade(g, "a:heads");
    assertEquals(List.of("b3", "b2", "b1", "c2", "d2", "c1", "d1"), Plans.order(plan));
    // rows after each step from c2 on are Alembic's: (c2), (d2), (c1, d2), (d1, d2)
    assertEquals(
        List.of(
            "UPDATE a -> b3",
            "INSERT b2",
            "INSERT b1",
            "DELETE b1",
            "DELETE b2",
            "UPDATE b3 -> c2",
            "UPDATE c2 -> d2",
            "INSERT c1",
            "UPDATE c1 -> d1"),
        ops(plan));
  }

  /** test_version_traversal.py DependsOnBranchTestOne: c2 depends on c1 of another branch. */
  @Test
  void downgradeToADependency() throws Exception {
    RevisionGraph g =
        graph(
            rev("a1").branch("lib1"),
            rev("b1").revises("a1"),
            rev("c1").revises("b1"),
            rev("a2"),
            rev("b2").revises("a2"),
            rev("c2").revises("b2").dependsOn("c1"),
            rev("d1").revises("c1"),
            rev("e1").revises("d1"),
            rev("f1").revises("e1"));
    down(g, "c2,d1:c1", List.of("d1"), "c2");
    assertEquals(List.of("DELETE d1"), ops(Plans.downgrade(g, "c2,d1:c1")));
    assertEquals(List.of("f1"), new Planner(g).resolve(Range.targets("lib1@head")));
  }
}
