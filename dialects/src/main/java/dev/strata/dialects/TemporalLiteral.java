package dev.strata.dialects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a date, time or timestamp literal cast as PostgreSQL reads it ({@code
 * '2024-01-05 10:00+05:00'::timestamp}), worked out when the script is rendered, so that MySQL,
 * MariaDB and SQLite get the value PostgreSQL would: their date functions and casts read fewer
 * forms, give NULL for an impossible date or hour 24, and apply or misread a zone offset.
 *
 * <p>Read: {@code YYYY-MM-DD}, then a time after a space or {@code T} ({@code HH:MM}, seconds, a
 * fraction), then a zone ({@code Z}, {@code +05}, {@code +05:30}, {@code +0530}); a time alone
 * for {@code time}; white space around. Written as PostgreSQL prints the value: {@code
 * 2024-01-05}, {@code 10:30:00}, {@code 2024-01-05 10:30:00.5} (microseconds, rounded half to
 * even as PostgreSQL's {@code rint}, trailing zeros dropped). A type without time zone ignores
 * the offset, as PostgreSQL's does; {@code timestamp with time zone} is converted to UTC, the zone
 * strata keeps such a value in (docs/dialects.md, "Timestamps"). Hour 24 is the next day's
 * midnight in a timestamp and {@code 24:00:00} in a time, as in PostgreSQL. Other forms
 * PostgreSQL reads ({@code 'Jan 5 2024'}, {@code 'today'}, {@code 'epoch'}) are not read here;
 * {@code 'now'} is read as such ({@link Now}).
 */
final class TemporalLiteral {
  private TemporalLiteral() {}

  /**
   * What reading a literal gave: PostgreSQL's text of the value, {@code now}, or why it is
   * refused.
   */
  sealed interface Reading {}

  /**
   * {@code 'now'} (any case, white space around): the time the statement runs, which only the
   * dialect's own clock gives.
   */
  record Now() implements Reading {}

  /** PostgreSQL's text of the value, e.g. {@code 2024-01-06 00:00:00}. */
  record Text(String value) implements Reading {
    Text {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("a temporal value has text");
      }
    }
  }

  /**
   * A literal PostgreSQL refuses ({@code outOfRange}: "date/time field value out of range") or
   * whose form is not read here (PostgreSQL may read it, or refuse it: "invalid input syntax").
   */
  record Refused(boolean outOfRange) implements Reading {}

  private static final String CLOCK = "(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?";
  private static final String ZONE = "\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?";
  private static final Pattern DATED =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ Tt]" + CLOCK + ")?" + ZONE);
  private static final Pattern CLOCK_ONLY = Pattern.compile(CLOCK + ZONE);

  /**
   * Reads {@code literal} as PostgreSQL's input function for {@code type} would.
   *
   * @param literal the text of the literal, as written between its quotes
   */
  static Reading read(String literal, TemporalType type) {
    String value = literal.strip();
    if (value.equalsIgnoreCase("now")) {
      return new Now();
    }
    Matcher dated = DATED.matcher(value);
    Matcher clockOnly = CLOCK_ONLY.matcher(value);
    int clock;
    Matcher m;
    if (dated.matches()) {
      m = dated;
      clock = 4;
      if (type == TemporalType.TIME && m.group(clock) == null) {
        return new Refused(false);
      }
    } else if (type == TemporalType.TIME && clockOnly.matches()) {
      m = clockOnly;
      clock = 1;
    } else {
      return new Refused(false);
    }
    LocalDate date;
    try {
      date = m == dated ? LocalDate.of(Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : LocalDate.EPOCH;
    } catch (DateTimeException e) {
      return new Refused(true);
    }
    if (date.getYear() == 0) {
      // PostgreSQL counts 1 BC before 1 AD, with no year 0
      return new Refused(true);
    }
    if (type == TemporalType.DATE) {
      return new Text(date.toString());
    }
    int hours = m.group(clock) == null ? 0 : Integer.parseInt(m.group(clock));
    int minutes = m.group(clock) == null ? 0 : Integer.parseInt(m.group(clock + 1));
    int seconds = m.group(clock + 2) == null ? 0 : Integer.parseInt(m.group(clock + 2));
    long micros = m.group(clock + 3) == null ? 0 : new BigDecimal("0." + m.group(clock + 3))
        .movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    boolean midnight = hours == 24 && minutes == 0 && seconds == 0 && micros == 0;
    if (seconds == 60) {
      // a leap second, which PostgreSQL carries into the next minute: not read here
      return new Refused(false);
    }
    if (!midnight && (hours > 23 || minutes > 59 || seconds > 59)) {
      return new Refused(true);
    }
    if (type == TemporalType.TIME) {
      if (midnight) {
        return new Text("24:00:00");
      }
      LocalTime time = LocalTime.of(hours, minutes, seconds).plusNanos(micros * 1000);
      // a fraction rounded up to the next second past 23:59:59 is PostgreSQL's 24:00:00
      return new Text(micros > 0 && time.equals(LocalTime.MIDNIGHT) ? "24:00:00" : clock(time));
    }
    LocalDateTime at = date.atStartOfDay().plusHours(hours).plusMinutes(minutes)
        .plusSeconds(seconds).plusNanos(micros * 1000);
    String zone = m.group(clock + 4);
    if (type == TemporalType.TIMESTAMP_WITH_TIME_ZONE && zone != null) {
      try {
        at = at.atOffset(offset(zone)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      } catch (DateTimeException e) {
        return new Refused(true);
      }
    }
    return new Text(at.toLocalDate() + " " + clock(at.toLocalTime()));
  }

  /** {@code Z}, {@code +05}, {@code +05:30} or {@code +0530} as an offset. */
  private static ZoneOffset offset(String zone) {
    if (zone.equalsIgnoreCase("z")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** {@code HH:MM:SS}, then the microseconds without trailing zeros, as PostgreSQL prints. */
  private static String clock(LocalTime time) {
    String whole = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(),
        time.getSecond());
    int micros = time.getNano() / 1000;
    if (micros == 0) {
      return whole;
    }
    String fraction = String.format("%06d", micros).replaceAll("0+$", "");
    return whole + "." + fraction;
  }
}
