package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The string literals {@link ExpressionScan} reads (what a renamed enum label is looked for by in
 * SQLite: {@code SqliteAlter}), and the words it leaves out because they are inside them.
 */
class ExpressionScanTest {
  @Test
  void stringLiteralsAreReadWithTheirEscapesAndNothingElseIsOne() {
    ExpressionScan scan = ExpressionScan.of("m = 'ok' AND n <> 'it''s' OR e = E'a\\'b\\\\c\\n'"
        + " /* 'comment' */ -- 'line'\n"
        + " OR \"col 'x'\" = $$dollar 'd'$$ OR x = ''");
    assertEquals(List.of("ok", "it's", "a'b\\c\\n", ""), scan.strings());
    assertEquals(List.of("m", "and", "n", "or", "e", "or", "or", "x"), scan.tokens().stream()
        .filter(ExpressionScan.Token::word).map(ExpressionScan.Token::folded).toList());
  }
}
