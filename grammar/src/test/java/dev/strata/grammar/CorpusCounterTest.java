package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.CorpusCounter.Piece;
import dev.strata.grammar.CorpusCounter.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counting behind {@link CorpusAcceptanceTest}, on small files whose answer is known, so that
 * the corpus figure cannot silently measure nothing.
 */
class CorpusCounterTest {

  @Test
  void oneRejectedStatementOfThreeGivesTwoThirds() {
    String file = """
        -- +goose Up
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        -- a comment between statements
        CREATE RULE r AS ON INSERT TO users DO NOTHING;
        INSERT INTO users (id, name) VALUES (1, 'a;b');
        """;
    List<Verdict> verdicts = CorpusCounter.measure("p", "001_x.sql", file);

    assertEquals(3, verdicts.size());
    assertEquals(List.of(true, false, true), verdicts.stream().map(Verdict::accepted).toList());
    assertEquals(2.0 / 3, CorpusAcceptanceTest.rate(verdicts), 1e-9);
    assertEquals(List.of(2, 4, 5), verdicts.stream().map(Verdict::line).toList());
    assertTrue(verdicts.get(1).rejection().get().startsWith("[E0111] "),
        verdicts.get(1).rejection().get());
  }

  @Test
  void semicolonsInStringsDollarQuotesAndCommentsDoNotSplit() {
    String file = """
        UPDATE t SET a = 'x;y' /* not; here */ WHERE b = $$c;d$$; -- ; after
        DO $body$ BEGIN PERFORM 1; END $body$;
        """;
    List<Piece> pieces = CorpusCounter.split("p/f.sql", file);

    assertEquals(List.of(
            "UPDATE t SET a = 'x;y' /* not; here */ WHERE b = $$c;d$$;",
            "DO $body$ BEGIN PERFORM 1; END $body$;"),
        pieces.stream().map(Piece::sql).toList());
  }

  @Test
  void anUnterminatedDollarQuoteIsOneRejectedStatement() {
    String file = """
        CREATE TABLE a (id INTEGER);
        CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END;
        CREATE TABLE b (id INTEGER);
        """;
    List<Verdict> verdicts = CorpusCounter.measure("p", "f.sql", file);

    assertEquals(2, verdicts.size());
    assertTrue(verdicts.get(0).accepted());
    assertFalse(verdicts.get(1).accepted());
    assertFalse(verdicts.get(1).rejection().get().startsWith(CorpusCounter.INTERNAL_ERROR));
  }

  @Test
  void aSyntaxErrorIsGroupedUnderItsStatementsLeadingWords() {
    List<Verdict> verdicts = CorpusCounter.measure("p", "f.sql",
        "ALTER TABLE t ADD COLUMN a INTEGER;\nUPDATE t SET = 1;\n");

    assertTrue(verdicts.get(0).accepted());
    assertEquals("UPDATE T: [E0101] unexpected '='", verdicts.get(1).rejection().get());
  }
}
