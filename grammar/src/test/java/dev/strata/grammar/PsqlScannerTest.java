package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.PsqlScanner.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PsqlScanner} reads text as psql's lexer does: each case is a text and what psql acts on
 * (or may read differently) in it, written as {@code kind@offset+length}.
 */
class PsqlScannerTest {

  @Test
  void aBackslashOutsideQuotesAndCommentsIsAMetaCommand() {
    assertFindings("UPDATE t SET s = 'x' \\! touch /tmp/owned", "meta@21+2");
    assertFindings("x -- c\n\\! touch /tmp/owned\nWHERE", "meta@7+2");
    assertFindings("x -- c\r\n\\copy t from stdin", "meta@8+5");
    assertFindings("x -- c\r\\g", "meta@7+2");
    assertFindings("SELECT 1 \\\\ \\g", "meta@9+1");
    assertFindings("a\\;", "meta@1+2");
    assertFindings("x \\", "meta@2+1");
  }

  @Test
  void backslashesInsideQuotesAndCommentsAreData() {
    assertFindings("'\\! x' || E'\\' \\! \\\\' || \"\\!\" || $$ \\! $$ || $a$ \\$$ $a$");
    assertFindings("-- \\! x\n/* \\! /* \\! */ \\! */ U&'\\0061' X'\\' B'\\'", "quote@41+2", "quote@46+2");
    assertFindings("'a''\\'", "quote@4+2");
    assertFindings("'\\\\' '\\\\\\'", "quote@6+4");
  }

  @Test
  void anEscapeStringStartsOnlyWhereEStartsAToken() {
    assertFindings("xE'\\' \\! x'", "quote@3+2", "meta@6+2");
    assertFindings("1E'\\' \\! x'", "eAfterNumber@1+2");
    assertFindings("1.E'x'", "eAfterNumber@2+2");
    assertFindings("$1E'x'", "eAfterNumber@2+2");
    assertFindings("1e5E'x'", "eAfterNumber@3+2");
    assertFindings("1_E'\\' \\! x'", "quote@4+2", "meta@7+2");
    assertFindings("'a'E'\\' \\! x'");
  }

  @Test
  void stringsDoNotContinueAcrossLines() {
    // psql lexes one line at a time, so E'x' then a line break then '...' is two strings for it
    assertFindings("E'x'\n'a\\' || '\\! touch' || 'b'", "quote@7+2");
  }

  @Test
  void dollarQuotesStartOnlyAtATokenStart() {
    assertFindings("a$b$ \\! x $b$", "meta@5+2");
    assertFindings("x\uFEFF$a$ \\! x $a$", "meta@6+2");
    assertFindings("1$a$ \\! $a$");
    assertFindings("$1$a$ \\! $a$");
    assertFindings("$a \\! x", "meta@3+2");
    assertFindings("$a$ $b$ $a$ \\g", "meta@12+2");
    assertFindings("$a$ $$a$ \\g", "meta@9+2");
  }

  @Test
  void variableReferencesAreWhatPsqlWouldSubstitute() {
    assertFindings(":'USER' :\"x\" :name :{?v} :1", "var@0+7", "var@8+4", "var@13+5", "var@19+5",
        "var@25+2");
    assertFindings("a[1:2] a::text 'a'::text x := 1 a[1: 2] :'a b' :\"\" :{x} :{?} :",
        "var@3+2");
    assertFindings("x:::y", "var@3+2");
    assertFindings("x :é", "var@2+2");
  }

  @Test
  void textLeftInsideAQuoteOrCommentIsReportedWhereItStarts() {
    assertFindings("x /* a /* b */", "open@2+2:BLOCK_COMMENT");
    assertFindings("x 'abc", "open@2+1:STRING");
    assertFindings("x E'abc\\'", "open@2+2:STRING");
    assertFindings("x \"abc", "open@2+1:QUOTED_IDENTIFIER");
    assertFindings("x $tag$ abc $ta$", "open@2+5:DOLLAR_QUOTE");
  }

  @Test
  void nulIsReportedAnywhere() {
    assertFindings("'a\0' \\! x", "nul@2+1", "meta@5+2");
    assertFindings("-- \0", "nul@3+1");
  }

  @Test
  void onlyTheGivenRangeIsRead() {
    List<Finding> findings = PsqlScanner.scan("\\! x; 'y' \\g", 3, 9);
    assertEquals(List.of(), findings);
  }

  private static void assertFindings(String text, String... expected) {
    List<String> actual = PsqlScanner.scan(text, 0, text.length()).stream()
        .map(PsqlScannerTest::describe).toList();
    assertEquals(List.of(expected), actual, text);
  }

  private static String describe(Finding finding) {
    String at = "@" + finding.start() + "+" + (finding.end() - finding.start());
    return switch (finding) {
      case Finding.MetaCommand meta -> "meta" + at;
      case Finding.Variable variable -> "var" + at;
      case Finding.EscapedQuote quote -> "quote" + at;
      case Finding.EscapeStringAfterNumber glued -> "eAfterNumber" + at;
      case Finding.Nul nul -> "nul" + at;
      case Finding.Unclosed open -> "open" + at + ":" + open.construct().name();
    };
  }

}
