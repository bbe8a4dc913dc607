package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TemporalLiteral} against PostgreSQL itself: each literal is read here and cast by
 * PostgreSQL ({@code SELECT ('...'::type)::text}, a {@code timestamptz} at time zone UTC), and
 * both give the same text, or both refuse it for the same reason (out of range, or not a date at
 * all); the forms strata does not read are ones PostgreSQL reads, listed as such.
 */
class TemporalLiteralTest {
  private record Case(String literal, TemporalType type) {}

  private static final List<Case> READ = List.of(
      new Case("2024-01-05", TemporalType.DATE),
      new Case(" 2024-01-05\t", TemporalType.DATE),
      new Case("2024-01-05 10:30", TemporalType.DATE),
      new Case("2024-01-05 24:00", TemporalType.DATE),
      new Case("2024-01-05 02:00-05:00", TemporalType.DATE),
      new Case("2024-02-29", TemporalType.DATE),
      new Case("2023-02-29", TemporalType.DATE),
      new Case("2024-02-30", TemporalType.DATE),
      new Case("2024-13-01", TemporalType.DATE),
      new Case("0000-01-01", TemporalType.DATE),
      new Case("0001-01-01", TemporalType.DATE),
      new Case("9999-12-31", TemporalType.DATE),
      new Case("abc", TemporalType.DATE),
      new Case("10:30", TemporalType.DATE),
      new Case("10:30", TemporalType.TIME),
      new Case("10:30:15.5", TemporalType.TIME),
      new Case("10:30:15.1234565", TemporalType.TIME),
      new Case("10:30:15.1234575", TemporalType.TIME),
      new Case("23:59:59.9999995", TemporalType.TIME),
      new Case("24:00", TemporalType.TIME),
      new Case("24:00:01", TemporalType.TIME),
      new Case("25:00", TemporalType.TIME),
      new Case("10:60", TemporalType.TIME),
      new Case("10:30+05:00", TemporalType.TIME),
      new Case("2024-01-05 10:30", TemporalType.TIME),
      new Case("2024-02-30 10:30", TemporalType.TIME),
      new Case("2024-01-05", TemporalType.TIME),
      new Case("2024-01-05", TemporalType.TIMESTAMP),
      new Case("2024-01-05 10:30", TemporalType.TIMESTAMP),
      new Case("2024-01-05T10:30:00Z", TemporalType.TIMESTAMP),
      new Case("2024-01-05 10:30:00.000100", TemporalType.TIMESTAMP),
      new Case("2024-01-05 10:30 +05:30", TemporalType.TIMESTAMP),
      new Case("2024-12-31 24:00", TemporalType.TIMESTAMP),
      new Case("2024-12-31 24:00:00.5", TemporalType.TIMESTAMP),
      new Case("2024-12-31 23:59:59.9999999", TemporalType.TIMESTAMP),
      new Case("2023-02-29 10:00", TemporalType.TIMESTAMP),
      new Case("10:30", TemporalType.TIMESTAMP),
      new Case("2024-01-05 01:00+05:30", TemporalType.TIMESTAMP_WITH_TIME_ZONE),
      new Case("2024-01-05 01:00-0530", TemporalType.TIMESTAMP_WITH_TIME_ZONE),
      new Case("2024-01-05 23:00-03", TemporalType.TIMESTAMP_WITH_TIME_ZONE),
      new Case("2024-01-05 10:00:00.25Z", TemporalType.TIMESTAMP_WITH_TIME_ZONE),
      new Case("2024-01-05 10:00", TemporalType.TIMESTAMP_WITH_TIME_ZONE));

  /** Forms PostgreSQL reads and strata does not (refused when the script is rendered). */
  private static final List<Case> POSTGRESQL_ONLY = List.of(
      new Case("Jan 5 2024", TemporalType.DATE),
      new Case("20240105", TemporalType.DATE),
      new Case("2024-1-5", TemporalType.DATE),
      new Case("today", TemporalType.DATE),
      new Case("epoch", TemporalType.TIMESTAMP),
      new Case("infinity", TemporalType.TIMESTAMP),
      new Case("23:59:60", TemporalType.TIME),
      new Case("10:30 AM", TemporalType.TIME));

  @Test
  void readsLiteralsAsPostgresqlDoes() {
    try (TestDatabase postgres = TestDatabase.create("postgresql", "temporal_literals")) {
      for (Case c : READ) {
        TemporalLiteral.Reading reading = TemporalLiteral.read(c.literal(), c.type());
        String what = "'" + c.literal() + "'::" + c.type().postgresName();
        String sql = "SELECT ('" + c.literal() + "'::" + c.type().postgresName()
            + (c.type() == TemporalType.TIMESTAMP_WITH_TIME_ZONE ? " AT TIME ZONE 'UTC'" : "")
            + ")::text";
        switch (reading) {
          case TemporalLiteral.Text text ->
              assertEquals(postgres.query(sql), List.of(text.value()), what);
          case TemporalLiteral.Now now -> throw new AssertionError(what + " read as now");
          case TemporalLiteral.Refused refused -> {
            IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> postgres.query(sql), what);
            assertTrue(error.getMessage().contains(refused.outOfRange()
                ? "out of range" : "invalid input syntax"), what + ": " + error.getMessage());
          }
        }
      }
      for (Case c : POSTGRESQL_ONLY) {
        String what = "'" + c.literal() + "'::" + c.type().postgresName();
        assertEquals(new TemporalLiteral.Refused(false),
            TemporalLiteral.read(c.literal(), c.type()), what);
        assertEquals(1, postgres.query("SELECT '" + c.literal() + "'::"
            + c.type().postgresName()).size(), what);
      }
    }
  }

  @Test
  void nowIsTheStatementsTime() {
    for (TemporalType type : TemporalType.values()) {
      assertEquals(new TemporalLiteral.Now(), TemporalLiteral.read(" NOW ", type));
    }
  }

  @Test
  void textIsNeverEmpty() {
    assertThrows(IllegalArgumentException.class, () -> new TemporalLiteral.Text(""));
  }
}
