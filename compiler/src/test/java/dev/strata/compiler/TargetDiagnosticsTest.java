package dev.strata.compiler;

import static dev.strata.compiler.Plans.error;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static dev.strata.grammar.ast.Direction.DOWNGRADE;
import static dev.strata.grammar.ast.Direction.UPGRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import org.junit.jupiter.api.Test;

/** Every diagnostic of the target syntax (E0301 forms, E0302–E0304 on branches, E0308–E0312). */
class TargetDiagnosticsTest {
  private static final String SYNTAX_HELP =
      "  = help: a target is base, head, heads, an id, a unique id prefix or a branch label,"
          + " optionally with BRANCH@ before it (cart@head, cart@base) and a step +N or -N after it"
          + " (head-1, 0004+2, cart@head-1, +2)\n";

  /** 0001_a -> 0002_b -> 0003_x (ledger) -> 0004_d -> 0005_e. */
  static RevisionGraph chain() throws Exception {
    return graph(
        rev("0001_a"),
        rev("0002_b").revises("0001_a"),
        rev("0003_x").revises("0002_b").branch("ledger"),
        rev("0004_d").revises("0003_x"),
        rev("0005_e").revises("0004_d"));
  }

  /** 1000 -> {2000 (cart) -> {2100, 2200}, 3000 (shop)}. */
  static RevisionGraph fork() throws Exception {
    return graph(
        rev("1000"),
        rev("2000").revises("1000").branch("cart"),
        rev("3000").revises("1000").branch("shop"),
        rev("2100").revises("2000"),
        rev("2200").revises("2000"));
  }

  private static String resolveError(RevisionGraph g, String targets) {
    return assertThrows(
            DiagnosticException.class, () -> new Planner(g).resolve(Range.targets(targets)))
        .format();
  }

  @Test
  void malformedTargets() throws Exception {
    RevisionGraph g = PlannerOrderTest.diamond();
    assertEquals(
        "<range>:1:1: error[E0301]: '@head' names no branch before '@'\n"
            + "  1 | @head\n    | ^^^^^\n" + SYNTAX_HELP,
        error(g, UPGRADE, "@head"));
    assertEquals(
        "<range>:1:1: error[E0301]: 'head+0' is not a target\n"
            + "  1 | head+0\n    | ^^^^^^\n" + SYNTAX_HELP,
        error(g, UPGRADE, "head+0"));
    assertEquals(
        "<range>:1:1: error[E0301]: 'heads-1' is not a target\n"
            + "  1 | heads-1\n    | ^^^^^^^\n" + SYNTAX_HELP,
        error(g, UPGRADE, "heads-1"));
    assertEquals(
        "<range>:1:1: error[E0301]: 'a@b@c' is not a target\n"
            + "  1 | a@b@c\n    | ^^^^^\n" + SYNTAX_HELP,
        error(g, UPGRADE, "a@b@c"));
  }

  @Test
  void branchBaseStandsAlone() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0301]: 'cart@base' cannot be combined with other revisions
          1 | cart@base,2222bbbb
            | ^^^^^^^^^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "cart@base,2222bbbb"));
  }

  @Test
  void unknownBranch() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0308]: unknown branch 'carts': no branch label or revision has this name
          1 | carts@head
            | ^^^^^
          = help: did you mean 'cart'?
          = note: the branch labels are cart
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "carts@head"));
    assertEquals(
        """
        <range>:1:6: error[E0308]: unknown branch 'nope': no branch label or revision has this name
          1 | base:nope@base+1
            |      ^^^^
          = note: the branch labels are ledger
        """,
        error(chain(), UPGRADE, "base:nope@base+1"));
    assertEquals(
        """
        <range>:1:1: error[E0308]: unknown branch 'zz': no branch label or revision has this name
          1 | zz@head
            | ^^
          = note: no revision declares a branch label ('-- branch: LABEL')
        """,
        resolveError(graph(rev("0001"), rev("0002").revises("0001")), "zz@head"));
  }

  @Test
  void ambiguousOrUnknownPartsOfABranchTarget() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0303]: '00' is ambiguous: 5 revisions start with it: 0001_a, 0002_b, \
        0003_x, 0004_d, 0005_e
          1 | 00@head
            | ^^
          = help: type more of the id
        """,
        resolveError(chain(), "00@head"));
    assertEquals(
        """
        <range>:1:6: error[E0302]: unknown revision 'zzzz'
          1 | cart@zzzz
            |      ^^^^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "cart@zzzz"));
  }

  @Test
  void unknownRevisionSuggestsALabel() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0302]: unknown revision 'cartt'
          1 | cartt
            | ^^^^^
          = help: did you mean 'cart' (versions/2000.sql:1:14)?
        """,
        error(fork(), UPGRADE, "cartt"));
  }

  @Test
  void branchHeadWithSeveralHeads() throws Exception {
    assertEquals(
        """
        <range>:1:6: error[E0304]: 'cart@head-1' is ambiguous: branch 'cart' has 2 heads: 2100, \
        2200
          1 | 2000:cart@head-1
            |      ^^^^^^^^^^^
          = help: name one of them, or 'cart@heads' for all heads of the branch
        """,
        error(fork(), UPGRADE, "2000:cart@head-1"));
  }

  @Test
  void revisionNotOnTheBranch() throws Exception {
    assertEquals(
        """
        <range>:1:6: error[E0309]: revision '2222bbbb' is not on branch 'cart'
          1 | cart@2222bbbb
            |      ^^^^^^^^
          = note: branch 'cart' is revision '3333cccc' with its ancestors and descendants; \
        '2222bbbb' is neither
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "cart@2222bbbb"));
  }

  @Test
  void ambiguousWalkUp() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0310]: '1111aaaa+1' is ambiguous: 1111aaaa has 2 children: 2222bbbb, \
        3333cccc
          1 | 1111aaaa:1111aaaa+1
            |          ^^^^^^^^^^
          = help: to follow branch 'cart', write 'cart@1111aaaa+1'; or name the revision you mean
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa:1111aaaa+1"));
    assertEquals(
        """
        <range>:1:6: error[E0310]: '+1' is ambiguous: 1000 has 2 children: 2000, 3000
          1 | 1000:+1
            |      ^^
          = help: to follow branch 'cart', write 'cart@+1'; or name the revision you mean
        """,
        error(fork(), UPGRADE, "1000:+1"));
  }

  /** The branch the help would name is shorter than the walk: it does not name it. */
  @Test
  void ambiguousWalkPastBaseSuggestsNoBranch() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0310]: '4444dddd-9' is ambiguous: 4444dddd has 2 parents: 2222bbbb, \
        3333cccc
          1 | 4444dddd:4444dddd-9
            |          ^^^^^^^^^^
          = help: name the revision you mean, or follow one branch with LABEL@...
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "4444dddd:4444dddd-9"));
  }

  @Test
  void ambiguousWalkDownFromAMerge() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0310]: '4444dddd-3' is ambiguous: 4444dddd has 2 parents: 2222bbbb, \
        3333cccc
          1 | 4444dddd:4444dddd-3
            |          ^^^^^^^^^^
          = help: to follow branch 'cart', write 'cart@4444dddd-3'; or name the revision you mean
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "4444dddd:4444dddd-3"));
    RevisionGraph noLabels =
        graph(rev("0001"), rev("0002").revises("0001"), rev("0003").revises("0001"),
            rev("0004").revises("0002", "0003"));
    assertEquals(
        """
        <range>:1:6: error[E0310]: '-1' is ambiguous: 0004 has 2 parents: 0002, 0003
          1 | 0004:-1
            |      ^^
          = help: name the revision you mean, or follow one branch with LABEL@...
        """,
        error(noLabels, DOWNGRADE, "0004:-1"));
  }

  @Test
  void walkPastTheHead() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0311]: '0003+5' walks past the head: only 2 revisions above 0003_x
          1 | 0003+5
            | ^^^^^^
        """,
        error(chain(), UPGRADE, "0003+5"));
    assertEquals(
        """
        <range>:1:8: error[E0311]: '+1' walks past the head: only 0 revisions above 0005_e
          1 | 0005_e:+1
            |        ^^
        """,
        error(chain(), UPGRADE, "0005_e:+1"));
  }

  @Test
  void walkPastBase() throws Exception {
    assertEquals(
        """
        <range>:1:6: error[E0311]: '0003-5' walks past base: only 2 revisions below 0003_x
          1 | head:0003-5
            |      ^^^^^^
          = note: '0003_x-3' is base, an empty version table
        """,
        error(chain(), DOWNGRADE, "head:0003-5"));
    assertEquals(
        """
        <range>:1:6: error[E0311]: '-1' walks past base: nothing is below base
          1 | base:-1
            |      ^^
        """,
        error(chain(), DOWNGRADE, "base:-1"));
  }

  @Test
  void relativeFromWithoutAnchor() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0312]: '-1' has nothing to count from: a step without a revision \
        counts from FROM, and this is FROM
          1 | -1:head
            | ^^
          = help: count from a revision instead, e.g. 'head-1' or 'REVISION-1'
        """,
        error(chain(), UPGRADE, "-1:head"));
    assertEquals(
        """
        <range>:1:1: error[E0312]: 'ledger@-1' has nothing to count from: a step without a \
        revision counts from the start of a range FROM:TO
          1 | ledger@-1
            | ^^^^^^^^^
          = help: count from a revision instead, e.g. 'ledger@head-1' or 'REVISION-1'
        """,
        resolveError(chain(), "ledger@-1"));
  }

  @Test
  void aFailedStartDoesNotMisleadTheStepsCountingFromIt() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0302]: unknown revision 'nope'
          1 | nope:-1
            | ^^^^
        """,
        error(chain(), DOWNGRADE, "nope:-1"));
  }

  @Test
  void relativeFromSeveralRevisions() throws Exception {
    assertEquals(
        """
        <range>:1:19: error[E0312]: '+1' is ambiguous: it counts from FROM, which has 2 \
        revisions: 2222bbbb, 3333cccc
          1 | 2222bbbb,3333cccc:+1
            |                   ^^
          = help: count from one of them, e.g. '2222bbbb+1'
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "2222bbbb,3333cccc:+1"));
    assertEquals(
        """
        <range>:1:16: error[E0312]: 'cart@+1' is ambiguous: it counts from FROM, which has 2 \
        revisions on branch 'cart': 2100, 2200
          1 | 2100,2200,3000:cart@+1
            |                ^^^^^^^
          = help: count from one of them, e.g. '2100+1'
        """,
        error(fork(), UPGRADE, "2100,2200,3000:cart@+1"));
  }
}
