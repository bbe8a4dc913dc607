package dev.strata.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module-level values of one Alembic revision file, and each way they can be wrong. */
class RevisionReaderTest {
  private static final Path FILE = Path.of("alembic/versions/3c4d_add_email.py");

  private static AlembicRevision read(String text) throws DiagnosticException {
    return RevisionReader.read(FILE, text);
  }

  private static String error(String text) {
    return assertThrows(DiagnosticException.class, () -> read(text)).format();
  }

  private static String revision(String values) {
    return "\"\"\"add email\n\nRevision ID: 3c4d\n\"\"\"\nfrom alembic import op\n\n" + values
        + "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
  }

  @Test
  void plainRevision() throws DiagnosticException {
    AlembicRevision r = read(revision(
        "revision = '3c4d'\ndown_revision = '1a2b'\nbranch_labels = None\ndepends_on = None"));
    assertEquals("3c4d", r.revision());
    assertEquals(List.of("1a2b"), r.parents());
    assertEquals(List.of(), r.branchLabels());
    assertEquals(List.of(), r.dependsOn());
    assertEquals("add email", r.message());
    assertEquals(FILE, r.file());
    assertEquals("upgrade", r.upgrade().name());
    assertEquals("downgrade", r.downgrade().name());
    assertEquals(7, r.id().span().start().line());
    assertEquals(12, r.id().span().start().column());
  }

  @Test
  void rootMergeLabelsAndDependencies() throws DiagnosticException {
    AlembicRevision root = read(revision("revision = \"3c4d\"\ndown_revision = None"));
    assertEquals(List.of(), root.parents());
    AlembicRevision merge = read(revision(
        "revision: str = '3c4d'\ndown_revision: Union[str, None] = ('1a2b', '2b3c')\n"
            + "branch_labels = ['core', 'billing']\ndepends_on = 'accounts'"));
    assertEquals(List.of("1a2b", "2b3c"), merge.parents());
    assertEquals(List.of("core", "billing"),
        merge.branchLabels().stream().map(AlembicRevision.Value::text).toList());
    assertEquals(List.of("accounts"),
        merge.dependsOn().stream().map(AlembicRevision.Value::text).toList());
    AlembicRevision label = read(revision(
        "revision = '3c4d'\ndown_revision = ()\nbranch_labels = 'core'"));
    assertEquals(List.of(), label.parents());
    assertEquals("core", label.branchLabels().getFirst().text());
  }

  @Test
  void messageIsTheDocstringsFirstParagraph() throws DiagnosticException {
    String body = "revision = '3c4d'\ndown_revision = None\n"
        + "def upgrade():\n    pass\ndef downgrade():\n    pass\n";
    assertEquals("add email to users and their invites",
        read("\"\"\"add email to users\nand their invites\n\nRevision ID: 3c4d\n\"\"\"\n" + body)
            .message());
    assertEquals("add email", read(body).message());
    assertEquals("add email", read("\"\"\"\n\"\"\"\n" + body).message());
  }

  @Test
  void legacyFileNamedByItsId() throws DiagnosticException {
    AlembicRevision r = RevisionReader.read(Path.of("versions/ae1027a6acf.py"),
        "down_revision = None\ndef upgrade():\n    pass\ndef downgrade():\n    pass\n");
    assertEquals("ae1027a6acf", r.revision());
  }

  @Test
  void notARevision() {
    assertEquals("""
        alembic/versions/3c4d_add_email.py:1:1: error[E0702]: '3c4d_add_email.py' is not an \
        Alembic revision: it sets no 'revision'
          1 | import os
            | ^
          = note: Alembic loads every '.py' file of the versions directory but '__init__.py' and \
        fails on one without 'revision = "<id>"'
          = help: move the file out of the versions directory, or give it its revision id
        """, error("import os\n"));
  }

  @Test
  void notALiteral() {
    assertEquals("""
        alembic/versions/3c4d_add_email.py:8:17: error[E0703]: 'down_revision' is not a literal: \
        expected None, a string, or a tuple of strings
          8 | down_revision = get_parent()
            |                 ^^^^^^^^^^^^
          = note: the import reads revision files without running them, so these values must be \
        written out
        """, error(revision("revision = '3c4d'\ndown_revision = get_parent()")));
    assertEquals("E0703", code(revision("revision = REV\ndown_revision = None")));
    assertEquals("E0703", code(revision("revision = 'a'\ndown_revision = ('b', 3)")));
  }

  @Test
  void idStrataCannotTake() {
    assertEquals("""
        alembic/versions/3c4d_add_email.py:7:12: error[E0704]: 'revision' is '3c4d-x', which \
        strata cannot take as a revision id
          7 | revision = '3c4d-x'
            |            ^^^^^^^^
          = note: '3c4d-x' is not a revision id: 1 to 32 letters, digits or '_'
          = note: strata keeps Alembic's ids so that alembic_version rows stay valid; rename the \
        revision in Alembic first (its file, 'revision' and its children's 'down_revision')
        """, error(revision("revision = '3c4d-x'\ndown_revision = None")));
    assertEquals("E0704", code(revision("revision = 'a'\ndown_revision = 'head'")));
    assertEquals("E0704", code(revision("revision = '" + "a".repeat(33) + "'\ndown_revision = None")));
    assertEquals("E0704", code(revision("revision = 'a'\ndown_revision = None\ndepends_on = 'x.y'")));
  }

  @Test
  void missingPieces() {
    assertEquals("E0706", code(revision("revision = 'a'")));
    assertEquals("""
        alembic/versions/3c4d_add_email.py:1:1: error[E0707]: revision 'a' has no 'def upgrade()'
          1 | revision = 'a'
            | ^
          = note: Alembic calls upgrade() of every revision it applies
        """, error("revision = 'a'\ndown_revision = None\ndef downgrade():\n    pass\n"));
    assertEquals("E0708",
        code("revision = 'a'\ndown_revision = None\ndef upgrade():\n    pass\n"));
  }

  @Test
  void badLabelAndAssignedTwice() {
    assertEquals("E0709", code(revision("revision = 'a'\ndown_revision = None\n"
        + "branch_labels = ('heads',)")));
    assertEquals("""
        alembic/versions/3c4d_add_email.py:8:1: error[E0712]: 'revision' is assigned twice
          8 | revision = 'b'
            | ^^^^^^^^
          = note: first assigned at alembic/versions/3c4d_add_email.py:7:1
          = help: keep one assignment: Alembic would take the last, the import does not guess \
        which was meant
        """, error(revision("revision = 'a'\nrevision = 'b'\ndown_revision = None")));
  }

  @Test
  void pythonSyntaxError() {
    assertEquals("E0701", code("revision = 'a'\ndef upgrade(:\n    pass\n"));
  }

  private static String code(String text) {
    return assertThrows(DiagnosticException.class, () -> read(text))
        .diagnostics().getFirst().code();
  }
}
