package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.RevisionFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one home of the id rules, and the writer beside the reader: what it writes parses back. */
class RevisionIdTest {

  @Test
  void idsAreOneToThirtyTwoIdCharactersAndNotReserved() {
    assertEquals("0003_add_email", new RevisionId("0003_add_email").value());
    assertTrue(RevisionId.isValid("a".repeat(32)));
    assertEquals(Optional.of("'" + "a".repeat(33) + "' is not a revision id: 1 to 32 letters,"
        + " digits or '_'"), RevisionId.problem("a".repeat(33)));
    for (String bad : List.of("", "a-b", "é", "a b", "ａ")) {
      assertFalse(RevisionId.isValid(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> new RevisionId(bad));
    }
    for (String reserved : List.of("base", "HEAD", "Heads")) {
      assertEquals(Optional.of("'" + reserved + "' is reserved and cannot be a revision id"),
          RevisionId.problem(reserved));
    }
    assertTrue(RevisionId.isWord("head"));
    assertFalse(RevisionId.isWord(""));
  }

  @Test
  void theHeaderReaderRefusesWhatRevisionIdRefuses() {
    for (String id : List.of("a".repeat(33), "a-b", "heads")) {
      String text = "-- revision: " + id + "\n-- revises: base\n\n-- +upgrade\n";
      DiagnosticException e = assertThrows(DiagnosticException.class,
          () -> new RevisionFileParser().parse(new SourceFile("x.sql", text)));
      assertEquals(1, e.diagnostics().size(), id);
    }
  }

  @Test
  void aDraftParsesBackToTheSameHeader() throws Exception {
    RevisionDraft draft = RevisionDraft.of(
        "0004_merge", List.of("0002_a", "0003_b"), "  join them  ", Optional.of("cart"));
    assertEquals("0004_merge.sql", draft.fileName());
    RevisionFile file = new RevisionFileParser().parse(new SourceFile("x.sql", draft.text()));
    assertEquals("0004_merge", file.id());
    assertEquals("join them", draft.message());
    RevisionDraft base = RevisionDraft.of("0001_init", List.of(), "init", Optional.empty());
    assertTrue(base.text().startsWith("-- revision: 0001_init\n-- revises: base\n"));
    assertTrue(base.text().endsWith(RevisionDraft.DOWNGRADE_PROMPT));
    assertThrows(IllegalArgumentException.class,
        () -> RevisionDraft.of("head", List.of(), "m", Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> RevisionDraft.of("a", List.of(), "m", Optional.of("heads")));
  }
}
