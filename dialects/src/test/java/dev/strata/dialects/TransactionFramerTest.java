package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionFramerTest {
  private static final ScriptElement END = new ScriptElement.StepEnd(List.of());

  private static ScriptElement sql(String text) {
    return new ScriptElement.Sql(text, false);
  }

  private static ScriptElement outside(String text) {
    return new ScriptElement.Sql(text, true);
  }

  private static ScriptElement comment(String text) {
    return new ScriptElement.Comment(text);
  }

  private static List<String> frame(TransactionMode mode, ScriptElement... elements) {
    return TransactionFramer.frame(List.of(elements), Dialect.POSTGRESQL, mode);
  }

  @Test
  void bundleWrapsEverythingInOneTransaction() {
    assertEquals(
        List.of("BEGIN;", "-- a", "A;", "B;", "-- b", "C;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, comment("-- a"), sql("A"), sql("B"), END, comment("-- b"), sql("C"), END));
  }

  @Test
  void consecutiveStatementsOutsideATransactionShareOneGap() {
    assertEquals(
        List.of("BEGIN;", "A;", "COMMIT;", "X;", "Y;", "BEGIN;", "B;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, sql("A"), outside("X"), outside("Y"), sql("B"), END));
  }

  @Test
  void aBannerFollowsTheCommitThatEndsThePreviousStep() {
    assertEquals(
        List.of("BEGIN;", "A;", "COMMIT;", "-- b", "X;", "BEGIN;", "V;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, sql("A"), END, comment("-- b"), outside("X"), sql("V"), END));
  }

  @Test
  void noEmptyTransactionIsEverWritten() {
    assertEquals(List.of("-- a", "X;"), frame(TransactionMode.BUNDLE, comment("-- a"), outside("X"), END));
    assertEquals(List.of("-- a"), frame(TransactionMode.REVISION, comment("-- a"), END));
    assertEquals(List.of(), frame(TransactionMode.BUNDLE));
  }

  @Test
  void revisionModeCommitsAtTheEndOfEveryStep() {
    assertEquals(
        List.of("BEGIN;", "T;", "-- a", "A;", "COMMIT;", "BEGIN;", "-- b", "B;", "COMMIT;"),
        frame(TransactionMode.REVISION, sql("T"), comment("-- a"), sql("A"), END, comment("-- b"), sql("B"), END));
  }

  @Test
  void noneModeWritesNoTransactionStatements() {
    assertEquals(
        List.of("-- a", "A;", "X;", "B;"),
        frame(TransactionMode.NONE, comment("-- a"), sql("A"), outside("X"), sql("B"), END));
  }
}
