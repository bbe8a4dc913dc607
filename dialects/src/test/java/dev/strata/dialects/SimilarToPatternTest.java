package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code SIMILAR TO} patterns as MySQL's regular expressions and SQLite's GLOB patterns. */
class SimilarToPatternTest {

  @Test
  void regex() {
    assertEquals(Optional.of("(?s-i)^(a.*b.)$"), SimilarToPattern.regex("a%b_", '\\'));
    assertEquals(Optional.of("(?s-i)^(x\\.y\\^\\$)$"), SimilarToPattern.regex("x.y^$", '\\'));
    assertEquals(Optional.of("(?s-i)^((ab|cd)+[0-9]{2,3})$"),
        SimilarToPattern.regex("(ab|cd)+[0-9]{2,3}", '\\'));
    assertEquals(Optional.of("(?s-i)^(100%)$"), SimilarToPattern.regex("100#%", '#'));
    assertEquals(Optional.of("(?s-i)^(a\\*b_)$"), SimilarToPattern.regex("a\\*b\\_", '\\'));
    assertEquals(Optional.of("(?s-i)^([%_.\\\\])$"), SimilarToPattern.regex("[%_.\\]", '#'));
    assertEquals(Optional.empty(), SimilarToPattern.regex("a\\\"b", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.regex("a\\", '\\'));
  }

  @Test
  void glob() {
    assertEquals(Optional.of("a*b?"), SimilarToPattern.glob("a%b_", '\\'));
    assertEquals(Optional.of("[A-Z][A-Z][0-9]"), SimilarToPattern.glob("[A-Z]{2}[0-9]", '\\'));
    assertEquals(Optional.of("x.y^$"), SimilarToPattern.glob("x.y^$", '\\'));
    assertEquals(Optional.of("a[*]b%"), SimilarToPattern.glob("a\\*b\\%", '\\'));
    assertEquals(Optional.of("ab"), SimilarToPattern.glob("ax{0}b", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.glob("a|b", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.glob("(ab)", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.glob("a+", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.glob("a{2,3}", '\\'));
    assertEquals(Optional.empty(), SimilarToPattern.glob("[[:digit:]]", '\\'));
  }
}
