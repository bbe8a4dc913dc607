package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Expr;
import org.junit.jupiter.api.Test;

/** A renamed column in its table's expressions, and what is not a reference to it. */
class ColumnRenamesTest {
  private static String renamed(String sql, String from, String to) {
    return ColumnRenames.renamed(new Expr(sql, Span.at(1, 1)), "t", from, to).sql();
  }

  @Test
  void referencesTakeTheNewName() {
    assertEquals("qty * 2", renamed("a * 2", "a", "qty"));
    assertEquals("(qty > 0) AND b < qty", renamed("(A > 0) AND b < \"a\"", "a", "qty"));
    assertEquals("t.qty + 1", renamed("t.a + 1", "a", "qty"));
    assertEquals("\"Total Qty\" >= 0", renamed("a >= 0", "a", "Total Qty"));
    assertEquals("coalesce(qty, 0)", renamed("coalesce(a, 0)", "a", "qty"));
  }

  @Test
  void otherWordsStayAsWritten() {
    Expr same = new Expr("a(1) || 'a' || u.a || x::a || CAST(y AS a) || $$a$$ -- a\n",
        Span.at(1, 1));
    assertSame(same, ColumnRenames.renamed(same, "t", "a", "qty"));
    assertEquals("ab + a_b + E'a\\'a' + qty", renamed("ab + a_b + E'a\\'a' + a", "a", "qty"));
    assertEquals("\"A\" + qty", renamed("\"A\" + a", "a", "qty"));
    // a quoted upper-case name is another column than the folded one
    assertEquals("b + a", renamed("\"A\" + a", "A", "b"));
  }
}
