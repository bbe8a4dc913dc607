package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a {@link Diagnostic} prints its source line and caret, short lines and huge ones. */
class DiagnosticTest {
  @Test
  void aLineOf200CharsIsPrintedWhole() {
    String line = "x".repeat(190) + "\tabcdefghi";
    assertEquals("f.sql:1:195: error[E0101]: m\n"
        + "  1 | " + line + "\n"
        + "  1 | ".replace('1', ' ') + " ".repeat(190) + "\t   ^^^\n",
        format(line, new Span(1, 195, 3)));
  }

  @Test
  void aLongerLineIsCutAroundTheSpan() {
    String line = "a".repeat(1_000) + "HERE" + "b".repeat(100_000);
    assertEquals("f.sql:1:1001: error[E0101]: m\n"
        + "  1 | ..." + "a".repeat(60) + "HERE" + "b".repeat(60) + "...\n"
        + "    | " + " ".repeat(63) + "^^^^\n",
        format(line, new Span(1, 1_001, 4)));
  }

  @Test
  void aSpanNearTheStartOfALongLineIsNotCutBefore() {
    String line = "HERE" + "b".repeat(1_000);
    assertEquals("f.sql:1:1: error[E0101]: m\n"
        + "  1 | HERE" + "b".repeat(60) + "...\n"
        + "    | ^^^^\n",
        format(line, new Span(1, 1, 4)));
  }

  @Test
  void aLongSpanIsCutTo80Carets() {
    String line = "x".repeat(100) + "y".repeat(300);
    assertEquals("f.sql:1:101: error[E0101]: m\n"
        + "  1 | ..." + "x".repeat(60) + "y".repeat(140) + "...\n"
        + "    | " + " ".repeat(63) + "^".repeat(80) + "\n",
        format(line, new Span(1, 101, 300)));
  }

  @Test
  void theCutsNeverSplitASurrogatePair() {
    // the window [3, 133) would start and end on the second half of an emoji: it moves to [2, 132)
    String line = "😀".repeat(200);
    assertEquals("f.sql:1:64: error[E0101]: m\n"
        + "  1 | ..." + "😀".repeat(65) + "...\n"
        + "    | " + " ".repeat(3 + 62) + "^".repeat(11) + "\n",
        format(line, new Span(1, 64, 10)));
  }

  @Test
  void theCaretLinesUpUnderWideAndCombiningCharacters() {
    // on a terminal 表 and 😀 take two columns, the combining acute accent none
    String line = "CREATE TABLE \"表表\" (\"😀\" TEXT, \"e\u0301\" INT, x INTEGER REFERENCES nope);";
    int at = line.indexOf("nope");
    assertEquals("f.sql:1:" + (at + 1) + ": error[E0101]: m\n"
        + "  1 | " + line + "\n"
        + "    | " + " ".repeat(at + 2 - 1) + "^^^^\n", // 表表 +2, the accent -1
        format(line, new Span(1, at + 1, 4)));
    assertEquals("f.sql:1:15: error[E0101]: m\n"
        + "  1 | " + line + "\n"
        + "    | " + " ".repeat(14) + "^^^^\n",
        format(line, new Span(1, 15, 2)));
  }

  private static String format(String line, Span span) {
    return Diagnostic.error("E0101", "m", new SourceFile("f.sql", line + "\n"), span).format();
  }

  /** Found by the fuzzer: 250,000 unknown parents on one line printed 60 MB, in quadratic time. */
  @Test
  void anErrorStormPrintsTheFirst200AndANote() {
    StringBuilder text = new StringBuilder("-- revises: a");
    List<Diagnostic> storm = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      text.append(", x");
    }
    SourceFile file = new SourceFile("v.sql", text + "\n");
    for (int i = 0; i < 250; i++) {
      storm.add(Diagnostic.error("E0202", "unknown parent revision 'x'", file,
          new Span(1, 16 + 3 * i, 1)));
    }
    String printed = new DiagnosticException(storm).format();
    assertEquals(200, printed.split("error\\[E0202]", -1).length - 1);
    assertTrue(printed.endsWith("  = note: 50 more diagnostics not shown (strata prints the first"
        + " 200); fix these, then run again\n"), printed.substring(printed.length() - 300));
  }
}
