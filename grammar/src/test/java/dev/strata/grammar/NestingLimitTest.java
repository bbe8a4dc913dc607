package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Deep nesting of parentheses and square brackets is an E0125 diagnostic at the first bracket
 * beyond {@link StatementParser#MAX_NESTING}, never a {@link StackOverflowError}: in every place
 * an expression occurs, at the limit (which parses, on the test thread and on a new thread with
 * the default stack size, also when the statement fails at its deepest point, where the parser
 * retries with full LL prediction and reports the error from there) and beyond it (up to 100,000
 * levels, the original report being about 5,700).
 */
class NestingLimitTest {
  private static final int LIMIT = StatementParser.MAX_NESTING;
  private static final String HOLE = "@";

  /** A statement with a hole for an expression, and how many brackets enclose the hole. */
  private record Place(String name, String statement, int enclosing) {
    String with(String expression) {
      return statement.replace(HOLE, expression);
    }

    /** The 1-based column, on the statement's line, of the hole. */
    int holeColumn() {
      return statement.indexOf(HOLE) + 1;
    }
  }

  private static final List<Place> PLACES = List.of(
      new Place("UPDATE SET", "UPDATE t SET n = @, m = 1 WHERE id = 1;", 0),
      new Place("UPDATE WHERE", "UPDATE t SET n = 1 WHERE id = @;", 0),
      new Place("DELETE WHERE", "DELETE FROM t WHERE id = @;", 0),
      new Place("column DEFAULT", "CREATE TABLE t (n INTEGER DEFAULT @ NOT NULL);", 1),
      new Place("column CHECK", "CREATE TABLE t (n INTEGER CHECK (n > @));", 2),
      new Place("table CHECK", "CREATE TABLE t (n INTEGER, CHECK (n > @));", 2),
      new Place("SET DEFAULT", "ALTER TABLE t ALTER COLUMN n SET DEFAULT @;", 0),
      new Place("TYPE USING", "ALTER TABLE t ALTER COLUMN n TYPE BIGINT USING n + @;", 0),
      new Place("ADD COLUMN DEFAULT", "ALTER TABLE t ADD COLUMN n INTEGER DEFAULT @;", 0),
      new Place("VALUES", "INSERT INTO t (a, b) VALUES (1, 2), (3, @);", 1),
      new Place("INSERT SELECT", "INSERT INTO t (a) SELECT @ FROM u;", 0),
      new Place("index expression", "CREATE INDEX i ON t ((n + @));", 2),
      new Place("index function", "CREATE INDEX i ON t (lower(@));", 2),
      new Place("index WHERE", "CREATE INDEX i ON t (n) WHERE n > @;", 0));

  @TestFactory
  Stream<DynamicTest> atTheLimitEveryPlaceParses() {
    return PLACES.stream().flatMap(place -> Stream.of(
        DynamicTest.dynamicTest(place.name() + ", parentheses", () ->
            assertParses(place.with(nest(LIMIT - place.enclosing(), "(", ")")))),
        DynamicTest.dynamicTest(place.name() + ", brackets", () ->
            assertParses(place.with("x" + nest(LIMIT - place.enclosing(), "[", "]"))))));
  }

  @TestFactory
  Stream<DynamicTest> atTheLimitAnErrorAtTheDeepestPointIsASyntaxError() {
    return PLACES.stream().map(place -> DynamicTest.dynamicTest(place.name(), () -> {
      String open = "([".repeat(LIMIT).substring(0, LIMIT - place.enclosing());
      String statement = place.with(open + "1;");
      assertEquals("E0101", failure(statement).code(), statement);
    }));
  }

  @TestFactory
  Stream<DynamicTest> beyondTheLimitEveryPlaceIsE0125AtTheFirstBracketTooDeep() {
    return PLACES.stream().flatMap(place -> Stream.of(LIMIT + 1, 5_700, 100_000)
        .map(depth -> DynamicTest.dynamicTest(place.name() + ", " + depth + " levels", () -> {
          String statement = place.with(nest(depth - place.enclosing(), "(", ")"));
          Diagnostic error = failure(statement);
          assertEquals("E0125", error.code());
          assertEquals("brackets nested more than " + LIMIT + " deep", error.message());
          Span span = error.location().orElseThrow().span();
          int column = place.holeColumn() + LIMIT - place.enclosing();
          assertEquals(new Span(5, column, 1), span);
        })));
  }

  @Test
  void squareBracketsAndParenthesesCountTogether() {
    String statement = "UPDATE t SET n = " + "a[(".repeat(LIMIT / 2) + "1" + ")]".repeat(LIMIT / 2)
        + ";";
    assertParses(statement);
    Diagnostic error = failure("UPDATE t SET n = " + "a[(".repeat(LIMIT / 2 + 1) + "1"
        + ")]".repeat(LIMIT / 2 + 1) + ";");
    assertEquals("E0125", error.code());
    int column = "UPDATE t SET n = ".length() + 3 * (LIMIT / 2) + 2;
    assertEquals(new Span(5, column, 1), error.location().orElseThrow().span());
    assertTrue(error.format().contains("\n    |" + " ".repeat(64) + "^\n"), error.format());
  }

  @Test
  void bracketsInAColumnTypeAreCountedToo() {
    assertEquals("E0101",
        failure("CREATE TABLE t (n NUMERIC" + nest(LIMIT - 1, "(", ")") + ");").code());
    assertEquals("E0125",
        failure("CREATE TABLE t (n NUMERIC" + nest(100_000, "(", ")") + ");").code());
  }

  @Test
  void closedBracketsDoNotAddUp() {
    String flat = "UPDATE t SET n = " + "(1) + ".repeat(10_000) + nest(LIMIT, "[", "]") + ";";
    assertParses(flat);
  }

  private static String nest(int depth, String open, String close) {
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  private static String file(String statement) {
    return "-- revision: 0001_deep\n-- revises: base\n\n-- +upgrade\n" + statement + "\n";
  }

  private static void assertParses(String statement) {
    Outcome outcome = parseEverywhere(statement);
    assertNull(outcome.diagnostic(), () -> outcome.diagnostic().format());
  }

  private static Diagnostic failure(String statement) {
    Diagnostic diagnostic = parseEverywhere(statement).diagnostic();
    assertTrue(diagnostic != null, "no diagnostic for " + statement);
    return diagnostic;
  }

  private record Outcome(Diagnostic diagnostic) {}

  /**
   * Parses on the test thread and on a new thread with the default stack size; both must give the
   * same outcome and neither may throw anything but a {@link DiagnosticException}.
   */
  private static Outcome parseEverywhere(String statement) {
    Outcome here = parse(statement);
    AtomicReference<Object> there = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        there.set(parse(statement));
      } catch (Throwable e) {
        there.set(e);
      }
    });
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (there.get() instanceof Throwable e) {
      throw new AssertionError("on a thread with the default stack: " + e, e);
    }
    assertEquals(format(here), format((Outcome) there.get()), "on a default-stack thread");
    return here;
  }

  private static String format(Outcome outcome) {
    return outcome.diagnostic() == null ? "parsed" : outcome.diagnostic().format();
  }

  private static Outcome parse(String statement) {
    try {
      new RevisionFileParser().parse(new SourceFile("deep.sql", file(statement)));
      return new Outcome(null);
    } catch (DiagnosticException e) {
      return new Outcome(e.diagnostics().getFirst());
    }
  }
}
