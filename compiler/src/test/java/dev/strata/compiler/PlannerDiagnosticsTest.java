package dev.strata.compiler;

import static dev.strata.compiler.Plans.error;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static dev.strata.grammar.ast.Direction.DOWNGRADE;
import static dev.strata.grammar.ast.Direction.UPGRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every range and plan diagnostic, with its exact text. */
class PlannerDiagnosticsTest {

  @Test
  void twoColons() throws Exception {
    assertEquals(
        """
        <range>:1:18: error[E0301]: a range has one ':' between FROM and TO
          1 | 1111aaaa:2222bbbb:3333cccc
            |                  ^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa:2222bbbb:3333cccc"));
  }

  @Test
  void missingRevisions() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0301]: missing revision in range
          1 | 1111aaaa:,head
            |          ^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa:,head"));
    assertEquals(
        "<range>:1:1: error[E0301]: missing revision in range\n  1 | \n    | ^\n",
        error(PlannerOrderTest.diamond(), UPGRADE, ""));
  }

  @Test
  void malformedTarget() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0301]: 'cart@' is not a target
          1 | 1111aaaa:cart@
            |          ^^^^^
          = help: a target is base, head, heads, an id, a unique id prefix or a branch label, \
        optionally with BRANCH@ before it (cart@head, cart@base) and a step +N or -N after it \
        (head-1, 0004+2, cart@head-1, +2)
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa:cart@"));
  }

  @Test
  void baseStandsAlone() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0301]: 'base' cannot be combined with other revisions
          1 | base,1111aaaa:4444dddd
            | ^^^^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "base,1111aaaa:4444dddd"));
  }

  @Test
  void downgradeNeedsAStart() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0301]: a downgrade needs a range FROM:TO
          1 | 1111aaaa
            | ^^^^^^^^
          = help: strata reads no database unless given --from-db URL, so it must be told where \
        the downgrade starts, e.g. 'head:1111aaaa'
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "1111aaaa"));
    // the report: 'downgrade head' was told 'head:head', which goes nowhere
    assertEquals(
        """
        <range>:1:1: error[E0301]: a downgrade needs a range FROM:TO
          1 | head
            | ^^^^
          = help: strata reads no database unless given --from-db URL, so it must be told where \
        the downgrade starts, e.g. 'head:head-1' (one revision back)
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "head"));
  }

  @Test
  void unknownRevision() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0302]: unknown revision '4444dddx'
          1 | 1111aaaa:4444dddx,zzzz
            |          ^^^^^^^^
          = help: did you mean '4444dddd' (versions/4444dddd.sql:1:14)?
        <range>:1:19: error[E0302]: unknown revision 'zzzz'
          1 | 1111aaaa:4444dddx,zzzz
            |                   ^^^^
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa:4444dddx,zzzz"));
  }

  @Test
  void ambiguousPrefix() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0303]: 'abc' is ambiguous: 2 revisions start with it: abcd1, abcd2
          1 | abc
            | ^^^
          = help: type more of the id
        """,
        error(graph(rev("abcd1"), rev("abcd2").revises("abcd1")), UPGRADE, "abc"));
  }

  @Test
  void headWithSeveralHeads() throws Exception {
    RevisionGraph g = graph(rev("1000"), rev("2000").revises("1000"), rev("3000").revises("1000"));
    assertEquals(
        """
        <range>:1:6: error[E0304]: 'head' is ambiguous: there are 2 heads: 2000, 3000
          1 | base:head
            |      ^^^^
          = help: name one of them, or 'heads' for all heads
        """,
        error(g, UPGRADE, "base:head"));
  }

  @Test
  void upgradeBackwards() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0305]: cannot upgrade from '4444dddd' to '2222bbbb': '4444dddd' is not \
        an ancestor of it
          1 | 4444dddd:2222bbbb
            | ^^^^^^^^
          = help: '4444dddd' is already past '2222bbbb': to go back, downgrade 4444dddd:2222bbbb
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "4444dddd:2222bbbb"));
    // the report: 'upgrade head:base' was told to name every head, 'head:head', a no-op
    String toBase = error(PlannerOrderTest.diamond(), UPGRADE, "4444dddd:base");
    assertTrue(toBase.contains("= help: '4444dddd' is already past 'base': to go back, downgrade"
        + " 4444dddd:base\n"), toBase);
  }

  @Test
  void upgradeThatWouldDropAHead() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0305]: cannot upgrade from '3333cccc' to '2222bbbb': '3333cccc' is not \
        an ancestor of it
          1 | 3333cccc:2222bbbb
            | ^^^^^^^^
          = help: name every head the database should end with, e.g. '3333cccc:2222bbbb,3333cccc'
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "3333cccc:2222bbbb"));
  }

  @Test
  void downgradeToARevisionNotBelowTheStart() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0305]: cannot downgrade from '3333cccc' to '2222bbbb': '2222bbbb' is \
        not an ancestor of it
          1 | 3333cccc:2222bbbb
            |          ^^^^^^^^
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "3333cccc:2222bbbb"));
    assertEquals(
        """
        <range>:1:10: error[E0305]: cannot downgrade from '1111aaaa' to '4444dddd': '4444dddd' is \
        not an ancestor of it
          1 | 1111aaaa:4444dddd
            |          ^^^^^^^^
          = help: '4444dddd' comes after '1111aaaa': to go forward, upgrade 1111aaaa:4444dddd
        """,
        error(PlannerOrderTest.diamond(), DOWNGRADE, "1111aaaa:4444dddd"));
  }

  @Test
  void downgradeToADependencyOnly() throws Exception {
    assertEquals(
        """
        <range>:1:10: error[E0305]: nothing to downgrade from 'eeee5555' to 'bbbb2222'
          1 | eeee5555:bbbb2222
            |          ^^^^^^^^
          = note: the start reaches 'bbbb2222' only through depends-on, and strata (like Alembic) \
        downgrades through revises links only
        """,
        error(PlannerOrderTest.dependsOnForest(), DOWNGRADE, "eeee5555:bbbb2222"));
  }

  @Test
  void downgradeThroughRevisionsWithoutDowngrade() throws Exception {
    RevisionGraph g =
        graph(
            rev("0001"),
            rev("0002").revises("0001").noDowngrade(),
            rev("0003").revises("0002").noDowngrade(),
            rev("0004").revises("0003"));
    // without a section, the downgrade is derived from the model (empty upgrades: empty bodies)
    assertEquals(4, Plans.downgrade(g, "0004:base").steps().size());
    // stopping above them is fine
    assertEquals(1, Plans.downgrade(g, "0004:0003").steps().size());
  }

  @Test
  void overlappingStart() throws Exception {
    assertEquals(
        """
        <range>:1:1: error[E0307]: the start names both '1111aaaa' and its descendant '2222bbbb'
          1 | 1111aaaa,2222bbbb:4444dddd
            | ^^^^^^^^
          = help: leave out '1111aaaa': a database at '2222bbbb' has it applied already
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "1111aaaa,2222bbbb:4444dddd"));
  }

  @Test
  void overlappingTargets() throws Exception {
    assertEquals(
        """
        <range>:1:19: error[E0307]: the target names both '1111aaaa' and its descendant '4444dddd'
          1 | 2222bbbb:4444dddd,1111aaaa
            |                   ^^^^^^^^
          = help: leave out '1111aaaa': a database at '4444dddd' has it applied already
        """,
        error(PlannerOrderTest.diamond(), UPGRADE, "2222bbbb:4444dddd,1111aaaa"));
  }

  @Test
  void bothSidesReportedTogether() throws Exception {
    String text = error(PlannerOrderTest.diamond(), UPGRADE, "nope:4444dddx");
    assertEquals(2, text.lines().filter(l -> l.contains("error[E0302]")).count(), text);
  }
}
