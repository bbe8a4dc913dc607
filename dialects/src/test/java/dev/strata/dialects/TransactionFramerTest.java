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

  private static ScriptElement start(String revision) {
    return new ScriptElement.StepStart(revision);
  }

  private static ScriptElement end(String... headsAfter) {
    return new ScriptElement.StepEnd(List.of(headsAfter));
  }

  private static List<TransactionFramer.Segment> segments(
      TransactionMode mode, ScriptElement... elements) {
    return TransactionFramer.segments(List.of(elements), Dialect.POSTGRESQL, mode, List.of("0"));
  }

  /** Two steps: a runs A, then X outside a transaction, then its version change Va; b runs B, Vb. */
  private static final ScriptElement[] TWO_STEPS = {
    start("a"), comment("-- a"), sql("A"), outside("X"), sql("Va"), end("a"),
    start("b"), comment("-- b"), sql("B"), sql("Vb"), end("b")
  };

  @Test
  void bundleSegmentsAreTheTransactionsAndTheOutsideRuns() {
    assertEquals(
        List.of(
            new TransactionFramer.Segment(true, List.of("-- a", "A;"), List.of("a"), List.of("A"), List.of("0")),
            new TransactionFramer.Segment(false, List.of("X;"), List.of("a"), List.of("X"), List.of("0")),
            new TransactionFramer.Segment(true, List.of("Va;", "-- b", "B;", "Vb;"), List.of("a", "b"),
                List.of("Va", "B", "Vb"), List.of("b"))),
        segments(TransactionMode.BUNDLE, TWO_STEPS));
  }

  @Test
  void revisionSegmentsEndWithEachStep() {
    assertEquals(
        List.of(
            new TransactionFramer.Segment(true, List.of("-- a", "A;"), List.of("a"), List.of("A"), List.of("0")),
            new TransactionFramer.Segment(false, List.of("X;"), List.of("a"), List.of("X"), List.of("0")),
            new TransactionFramer.Segment(true, List.of("Va;"), List.of("a"), List.of("Va"), List.of("a")),
            new TransactionFramer.Segment(true, List.of("-- b", "B;", "Vb;"), List.of("b"),
                List.of("B", "Vb"), List.of("b"))),
        segments(TransactionMode.REVISION, TWO_STEPS));
  }

  @Test
  void noneModeCutsAsRevisionModeWithoutTransactions() {
    List<TransactionFramer.Segment> none = segments(TransactionMode.NONE, TWO_STEPS);
    List<TransactionFramer.Segment> revision = segments(TransactionMode.REVISION, TWO_STEPS);
    assertEquals(revision.size(), none.size());
    for (int i = 0; i < none.size(); i++) {
      assertEquals(false, none.get(i).transactional());
      assertEquals(revision.get(i).blocks(), none.get(i).blocks());
      assertEquals(revision.get(i).headsAfter(), none.get(i).headsAfter());
    }
  }

  private static final ScriptElement COMMIT = new ScriptElement.Commit();

  @Test
  void aCommitPointCutsTheTransactionAndTheBannerFollowsIt() {
    assertEquals(
        List.of("BEGIN;", "-- a", "A;", "Va;", "COMMIT;", "BEGIN;", "-- b", "B;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, comment("-- a"), sql("A"), sql("Va"), END, comment("-- b"),
            COMMIT, sql("B"), END));
    assertEquals(
        List.of(
            new TransactionFramer.Segment(true, List.of("A;", "Va;"), List.of("a"), List.of("A", "Va"),
                List.of("a")),
            new TransactionFramer.Segment(true, List.of("B;"), List.of("b"), List.of("B"),
                List.of("b"))),
        segments(TransactionMode.BUNDLE, start("a"), sql("A"), sql("Va"), end("a"), start("b"),
            COMMIT, sql("B"), end("b")));
  }

  @Test
  void aCommitPointWithoutAnOpenTransactionDoesNothing() {
    assertEquals(
        List.of("BEGIN;", "A;", "COMMIT;", "BEGIN;", "B;", "COMMIT;"),
        frame(TransactionMode.REVISION, sql("A"), END, COMMIT, sql("B"), END));
    assertEquals(
        List.of("BEGIN;", "A;", "COMMIT;", "X;", "BEGIN;", "B;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, sql("A"), outside("X"), COMMIT, sql("B"), END));
    assertEquals(List.of("A;", "B;"), frame(TransactionMode.NONE, sql("A"), COMMIT, sql("B"), END));
    assertEquals(1, segments(TransactionMode.NONE, start("a"), sql("A"), COMMIT, sql("B"),
        end("a")).size());
  }

  @Test
  void theCompletionRecordCommitsWithItsSegment() {
    TransactionFramer.Segment segment =
        new TransactionFramer.Segment(true, List.of("A;"), List.of("a"), List.of("A"), List.of("a"));
    assertEquals(List.of("BEGIN;", "A;", "R;", "COMMIT;"), segment.framed(List.of("R;")));
    TransactionFramer.Segment outside =
        new TransactionFramer.Segment(false, List.of("X;"), List.of("a"), List.of("X"), List.of("a"));
    assertEquals(List.of("X;", "R;"), outside.framed(List.of("R;")));
  }

  private static final ScriptElement SETTINGS_END = new ScriptElement.SettingsEnd();

  private static ScriptElement set(String name, String value) {
    return new ScriptElement.Setting(name, "SET " + name + " = " + value, "RESET " + name);
  }

  private static ScriptElement reset(String name) {
    return new ScriptElement.Setting(name, "RESET " + name, "RESET " + name);
  }

  @Test
  void aRevisionSettingIsMadeAgainInEverySegmentAndEndedInEach() {
    assertEquals(
        List.of("BEGIN;", "SET t = 1;", "A;", "RESET t;", "COMMIT;",
            "SET t = 1;", "X;", "RESET t;",
            "BEGIN;", "SET t = 1;", "B;", "RESET t;", "V;", "C;", "COMMIT;"),
        frame(TransactionMode.BUNDLE, set("t", "1"), sql("A"), outside("X"), sql("B"),
            SETTINGS_END, sql("V"), END, sql("C"), END));
  }

  @Test
  void aResetEndsASettingAndASettingWithoutAStatementIsNeverWritten() {
    assertEquals(
        List.of("SET t = 1;", "A;", "RESET t;", "B;", "V;"),
        frame(TransactionMode.NONE, set("t", "1"), sql("A"), reset("t"), sql("B"),
            set("u", "2"), SETTINGS_END, sql("V"), END));
  }
}
