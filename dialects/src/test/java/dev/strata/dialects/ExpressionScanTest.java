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
    assertEquals(List.of("ok", "it's", "a'b\\c\\n", "dollar 'd'", ""), scan.strings());
    assertEquals(List.of("m", "and", "n", "or", "e", "or", "or", "x"), scan.tokens().stream()
        .filter(ExpressionScan.Token::word).map(ExpressionScan.Token::folded).toList());
  }

  @Test
  void aStarOfASelectListIsToldFromCountStarAndAProduct() {
    for (String star : List.of("SELECT * FROM t", "SELECT DISTINCT * FROM t",
        "SELECT t.*, u.b FROM t JOIN u ON true", "SELECT id, x.* FROM t AS x",
        "SELECT id FROM (SELECT * FROM t) AS q", "SELECT *")) {
      assertEquals(true, ExpressionScan.of(star).selectsStar(), star);
    }
    for (String none : List.of("SELECT count(*) FROM t", "SELECT a * b FROM t",
        "SELECT a *b, 2* 3 AS c FROM t", "SELECT '*' FROM t", "SELECT id /* * */ FROM t")) {
      assertEquals(false, ExpressionScan.of(none).selectsStar(), none);
    }
  }
}
