package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MysqlClientScanner} and {@link SqliteClientScanner} read a block as the {@code mariadb}
 * and {@code sqlite3} clients do (each case was run through the real client first): a text and
 * what the client acts on, or may read otherwise, written as {@code kind@offset+length}. The text
 * is the block's lines, offsets count from its first character.
 */
class ClientScannerTest {

  @Test
  void mysqlRunsABackslashOutsideQuotesAndCommentsAnywhereInALine() {
    mysql("SELECT 1; \\! echo x", "backslash@10+9");
    mysql("SELECT 1,\n--\\! echo x\n2", "backslash@12+9");
    mysql("SELECT 1 /*! , 2 \\! x */", "backslash@17+7");
    mysql("SELECT `a\\` \\! x `", "backslash@12+6");
  }

  @Test
  void mysqlReadsBackslashesInsideQuotesAndCommentsAsData() {
    mysql("SELECT 'a\\\\b', \"\\! x\", `x`, 1 -- \\! x\n, 2 # \\! y\n/* \\! z */");
    mysql("--\\! echo x\nSELECT 1");
    mysql("SELECT 'it''s', \"say \"\"hi\"\"\", `a``b`");
  }

  @Test
  void mysqlReportsABackslashBeforeAClosingQuote() {
    mysql("SELECT 'a\\' \\! x '", "quote@9+2");
    mysql("SELECT \"a\\\\\\\"\"", "quote@9+4");
    mysql("SELECT 'a\\\\'");
  }

  @Test
  void mysqlRunsANamedCommandOnlyWhereAStatementStarts() {
    mysql("SELECT 1;\nsystem echo x", "named@10+6");
    mysql("  system echo x", "named@2+6");
    mysql("SELECT 1;\n-- c\n\tSystem\techo x", "named@16+6");
    mysql("SELECT 1;\n--x\nsource /tmp/f.sql", "named@14+6");
    mysql("SELECT 1;\n/* c */\nquit", "named@18+4");
    mysql("DELIMITER //", "named@0+9");
    mysql("use other", "named@0+3");
    mysql("? contents", "named@0+1");
    // after a ';' on the same line or after comments, the client runs the command when the
    // statement's ';' comes, and strata ends every block with one (mariadb 10.11: the report
    // ran 'system touch' through '/* c */ system touch ...')
    mysql("SELECT 1; system echo x", "named@10+6");
    mysql("SELECT 1;\n/* c\n*/ system echo x", "named@18+6");
    mysql("SELECT 1;\n/* c */ system echo x", "named@18+6");
    mysql("SELECT 1; /* x */ delimiter //", "named@18+9");
    mysql("SELECT id,\n  status\nFROM t");
    mysql("SELECT /* c */ 1;\nSELECT 'system';");
    mysql("SELECT '\nsystem echo x\n'");
    mysql("systemd_units(); statuses");
  }

  @Test
  void mysqlReportsABlockLeftOpen() {
    mysql("SELECT 'a", "unclosed@7+1");
    mysql("SELECT `a", "unclosed@7+1");
    mysql("SELECT 1 /* c", "unclosed@9+2");
    mysql("SELECT 1 /*! c");
  }

  @Test
  void mysqlReportsALastHashCommentThatHidesStrataSemicolon() {
    mysql("INSERT INTO t VALUES (1) # note", "hash@25+6");
    mysql("INSERT INTO t VALUES (1); # note");
    mysql("# note\nINSERT INTO t VALUES (1)");
    mysql("INSERT INTO t VALUES (1) # note\n, (2)");
    mysql("INSERT INTO t VALUES (1) # note\n\n", "hash@25+6");
  }

  @Test
  void sqliteRunsALineStartingWithADotBetweenStatements() {
    sqlite(".shell echo x", "dot@0+13");
    sqlite("INSERT INTO t VALUES (1);\n.system echo x", "dot@26+14");
    sqlite("INSERT INTO t VALUES (1); -- c\n.bail off", "dot@31+9");
    sqlite("INSERT INTO t VALUES (1); /* c */\n.read f", "dot@34+7");
    sqlite("SELECT 1\n.5");
    sqlite("SELECT 1; SELECT 2\n.5");
    sqlite("  .shell echo x");
    sqlite("SELECT '\n.shell echo x\n'");
    sqlite("SELECT [a\n.b]; SELECT \"x\n.y\"");
    sqlite("/*\n.shell echo x\n*/");
  }

  @Test
  void sqliteReportsABlockLeftOpen() {
    sqlite("SELECT 'it''s", "unclosed@7+1");
    sqlite("SELECT [a", "unclosed@7+1");
    sqlite("SELECT 1 /* c", "unclosed@9+2");
  }

  @Test
  void bothReportNul() {
    mysql("SELECT 1\0", "nul@8+1");
    sqlite("SELECT 1\0", "nul@8+1");
  }

  @Test
  void crLfAndCrEndLines() {
    mysql("SELECT 1;\r\nsystem x", "named@11+6");
    sqlite("SELECT 1;\r.shell x", "dot@10+8");
  }

  private static void mysql(String block, String... expected) {
    List<String> found = new ArrayList<>();
    for (MysqlClientScanner.Finding f : MysqlClientScanner.scan("\n" + block, 0, block.length() + 1)) {
      String kind = switch (f) {
        case MysqlClientScanner.Finding.BackslashCommand b -> "backslash";
        case MysqlClientScanner.Finding.NamedCommand n -> "named";
        case MysqlClientScanner.Finding.EscapedQuote q -> "quote";
        case MysqlClientScanner.Finding.Nul n -> "nul";
        case MysqlClientScanner.Finding.Unclosed u -> "unclosed";
        case MysqlClientScanner.Finding.SwallowedTerminator s -> "hash";
      };
      found.add(kind + "@" + (f.start() - 1) + "+" + (f.end() - f.start()));
    }
    assertEquals(List.of(expected), found, block);
  }

  private static void sqlite(String block, String... expected) {
    List<String> found = new ArrayList<>();
    for (SqliteClientScanner.Finding f : SqliteClientScanner.scan("\n" + block, 0, block.length() + 1)) {
      String kind = switch (f) {
        case SqliteClientScanner.Finding.DotCommand d -> "dot";
        case SqliteClientScanner.Finding.Nul n -> "nul";
        case SqliteClientScanner.Finding.Unclosed u -> "unclosed";
      };
      found.add(kind + "@" + (f.start() - 1) + "+" + (f.end() - f.start()));
    }
    assertEquals(List.of(expected), found, block);
  }
}
