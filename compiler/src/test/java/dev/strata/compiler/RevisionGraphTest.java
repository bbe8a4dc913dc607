package dev.strata.compiler;

import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static String error(Rev... revisions) {
    return assertThrows(DiagnosticException.class, () -> graph(revisions)).format();
  }

  @Test
  void linear() throws Exception {
    RevisionGraph g =
        graph(rev("0001_a"), rev("0002_b").revises("0001_a"), rev("0003_c").revises("0002_b"));
    assertEquals(List.of("0003_c"), g.heads());
    assertEquals(List.of("0003_c"), g.realHeads());
    assertEquals(List.of("0001_a"), g.bases());
    assertEquals(List.of(), g.branchPoints());
    assertEquals(List.of(), g.mergePoints());
    assertEquals(List.of("0001_a"), g.parents("0002_b"));
    assertEquals(List.of("0003_c"), g.children("0002_b"));
    assertEquals(List.of("0001_a", "0002_b"), g.ancestors("0003_c"));
    assertEquals(List.of("0002_b", "0003_c"), g.descendants("0001_a"));
    assertEquals("0002_b", g.revision("0002_b").orElseThrow().id());
    assertTrue(g.revision("0002").isEmpty());
    assertEquals(
        List.of("0001_a", "0002_b", "0003_c"), g.revisions().stream().map(r -> r.id()).toList());
    assertThrows(IllegalArgumentException.class, () -> g.parents("nope"));
  }

  @Test
  void diamond() throws Exception {
    RevisionGraph g = PlannerOrderTest.diamond();
    assertEquals(List.of("4444dddd"), g.heads());
    assertEquals(List.of("1111aaaa"), g.branchPoints());
    assertEquals(List.of("4444dddd"), g.mergePoints());
    assertEquals(List.of("2222bbbb", "3333cccc"), g.parents("4444dddd"));
    assertEquals(List.of("2222bbbb", "3333cccc"), g.children("1111aaaa"));
    assertEquals(List.of("1111aaaa", "2222bbbb", "3333cccc"), g.ancestors("4444dddd"));
  }

  @Test
  void dependsOnForest() throws Exception {
    RevisionGraph g = PlannerOrderTest.dependsOnForest();
    // bbbb2222 is revised by nobody, so it is a head; eeee5555 depends on it, so not a real head
    assertEquals(List.of("bbbb2222", "cccc3333", "eeee5555"), g.heads());
    assertEquals(List.of("cccc3333", "eeee5555"), g.realHeads());
    assertEquals(List.of("aaaa1111", "dddd4444"), g.bases());
    assertEquals(List.of("bbbb2222"), g.dependencies("eeee5555"));
    assertEquals(List.of("aaaa1111", "bbbb2222", "dddd4444"), g.ancestors("eeee5555"));
    assertEquals(List.of("bbbb2222", "cccc3333", "eeee5555"), g.descendants("aaaa1111"));
    assertEquals(List.of(), g.children("bbbb2222"));
  }

  @Test
  void duplicateId() {
    assertEquals(
        """
        versions/0002_users_again.sql:1:14: error[E0201]: duplicate revision id '0002_users'
          1 | -- revision: 0002_users
            |              ^^^^^^^^^^
          = note: first defined at versions/0002_users.sql:1:14
        """,
        error(
            rev("0001_init"),
            rev("0002_users").revises("0001_init"),
            rev("0002_users").revises("0001_init").path("versions/0002_users_again.sql")));
  }

  @Test
  void unknownParentWithSuggestion() {
    assertEquals(
        """
        versions/0003_add_email.sql:2:13: error[E0202]: unknown parent revision '0002_create_paymens'
          2 | -- revises: 0002_create_paymens
            |             ^^^^^^^^^^^^^^^^^^^
          = help: did you mean '0002_create_payments' (versions/0002_create_payments.sql:1:14)?
        """,
        error(
            rev("0001_init"),
            rev("0002_create_payments").revises("0001_init"),
            rev("0003_add_email").revises("0002_create_paymens")));
  }

  @Test
  void unknownParentSharingAPrefix() {
    assertEquals(
        """
        versions/0003.sql:2:24: error[E0202]: unknown parent revision '0002_payments_table'
          2 | -- revises: 0001_init, 0002_payments_table
            |                        ^^^^^^^^^^^^^^^^^^^
          = help: did you mean '0002_pay' (versions/0002_pay.sql:1:14)?
        """,
        error(
            rev("0001_init"),
            rev("0002_pay").revises("0001_init"),
            rev("0003").revises("0001_init", "0002_payments_table")));
  }

  @Test
  void unknownDependencies() {
    assertEquals(
        """
        versions/0002_b.sql:4:16: error[E0203]: unknown depends-on revision '0001_int'
          4 | -- depends-on: 0001_int, zzzz
            |                ^^^^^^^^
          = help: did you mean '0001_init' (versions/0001_init.sql:1:14)?
        versions/0002_b.sql:4:26: error[E0203]: unknown depends-on revision 'zzzz'
          4 | -- depends-on: 0001_int, zzzz
            |                          ^^^^
        """,
        error(rev("0001_init"), rev("0002_b").revises("0001_init").dependsOn("0001_int", "zzzz")));
  }

  /** The report: the hint named the revision itself, which would make a cycle. */
  @Test
  void aSuggestionIsNeverTheRevisionItself() {
    assertEquals(
        """
        versions/a1.sql:4:16: error[E0203]: unknown depends-on revision 'zz'
          4 | -- depends-on: zz
            |                ^^
        """,
        error(rev("a1").dependsOn("zz")));
  }

  @Test
  void cycles() {
    assertEquals(
        """
        versions/a1.sql:2:13: error[E0204]: cycle in the revision graph: a1 -> c1 -> b1 -> a1
          2 | -- revises: c1
            |             ^^
          = note: 'a -> b' means a revises or depends on b; one of these links must go
        versions/s1.sql:2:13: error[E0204]: cycle in the revision graph: s1 -> s1
          2 | -- revises: s1
            |             ^^
          = note: 'a -> b' means a revises or depends on b; one of these links must go
        """,
        error(
            rev("0001_init"),
            rev("a1").revises("c1"),
            rev("b1").revises("a1"),
            rev("c1").revises("0001_init", "b1"),
            rev("d1").revises("c1"),
            rev("s1").revises("s1")));
  }

  @Test
  void cycleThroughDependsOn() {
    assertEquals(
        """
        versions/a1.sql:4:16: error[E0204]: cycle in the revision graph: a1 -> b1 -> a1
          4 | -- depends-on: b1
            |                ^^
          = note: 'a -> b' means a revises or depends on b; one of these links must go
        """,
        error(rev("a1").dependsOn("b1"), rev("b1").revises("a1")));
  }

  @Test
  void duplicateBranchLabels() {
    assertEquals(
        """
        versions/0002.sql:4:12: error[E0205]: branch label 'core' is already used by revision '0001_init'
          4 | -- branch: core, 0001_init
            |            ^^^^
          = note: first used at versions/0001_init.sql:4:12
        versions/0002.sql:4:18: error[E0205]: branch label '0001_init' is already a revision id
          4 | -- branch: core, 0001_init
            |                  ^^^^^^^^^
          = note: revision '0001_init' is defined at versions/0001_init.sql:1:14
        """,
        error(
            rev("0001_init").branch("core"),
            rev("0002").revises("0001_init").branch("core", "0001_init")));
  }

  @Test
  void dependencyThatIsAlsoAParent() {
    assertEquals(
        """
        versions/0002.sql:4:16: error[E0206]: '0002' both revises and depends on '0001_init'
          4 | -- depends-on: 0001_init
            |                ^^^^^^^^^
          = help: remove it from depends-on: a parent is always applied first
        """,
        error(rev("0001_init"), rev("0002").revises("0001_init").dependsOn("0001_init")));
  }

  @Test
  void everyGraphErrorIsReported() {
    DiagnosticException e =
        assertThrows(
            DiagnosticException.class,
            () ->
                graph(
                    rev("0001").branch("x"),
                    rev("0001").path("versions/0001_copy.sql"),
                    rev("0002").revises("0009"),
                    rev("0003").revises("0001").dependsOn("0008").branch("x"),
                    rev("0004").revises("0005"),
                    rev("0005").revises("0004")));
    assertEquals(
        List.of("E0201", "E0202", "E0203", "E0205", "E0204"),
        e.diagnostics().stream().map(d -> d.code()).toList());
  }
}
