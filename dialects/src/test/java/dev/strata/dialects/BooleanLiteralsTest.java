package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Expr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PostgreSQL's {@code boolin}: the texts it reads as a boolean, and those it refuses. */
class BooleanLiteralsTest {

  @Test
  void readsWhatPostgresqlReads() {
    for (String text : new String[] {"t", "tr", "true", "TRUE", " yes ", "y", "on", "1"}) {
      assertEquals(Optional.of(true), BooleanLiterals.parse(text), text);
    }
    for (String text : new String[] {"f", "fal", "False", "no", "n", "of", "off", "0"}) {
      assertEquals(Optional.of(false), BooleanLiterals.parse(text), text);
    }
  }

  @Test
  void refusesWhatPostgresqlRefuses() {
    // "o" is the start of both on and off; PostgreSQL refuses these too
    for (String text : new String[] {"", " ", "o", "truee", "2", "-1", "yess", "onn", "nope"}) {
      assertEquals(Optional.empty(), BooleanLiterals.parse(text), text);
    }
  }

  @Test
  void aWholeLiteralOnly() {
    assertEquals(Optional.of(true), BooleanLiterals.of(expr("'yes'")));
    assertEquals(Optional.of(false), BooleanLiterals.of(expr(" 'off'::boolean ")));
    assertEquals(Optional.empty(), BooleanLiterals.of(expr("'yes' || 'no'")));
    assertEquals(Optional.empty(), BooleanLiterals.of(expr("'it''s'")));
    assertEquals(Optional.empty(), BooleanLiterals.of(expr("lower('TRUE')")));
    assertEquals(new Expr("FALSE", Span.at(1, 1)),
        BooleanLiterals.asKeyword(expr("'n'")));
  }

  private static Expr expr(String sql) {
    return new Expr(sql, Span.at(1, 1));
  }
}
