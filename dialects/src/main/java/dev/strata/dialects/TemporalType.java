package dev.strata.dialects;

import java.util.Optional;
import org.jooq.DataType;

/**
 * PostgreSQL's date and time types a cast can name, each with SQLite's date function that stands
 * for it ({@code date()}, {@code time()}, {@code datetime()}: SQLite has no such types; a value
 * is its text). {@code time with time zone} is not one: no dialect but PostgreSQL keeps a time
 * with an offset (E0430, E0434).
 */
enum TemporalType {
  DATE("date", "date"),
  TIME("time", "time"),
  TIMESTAMP("timestamp", "datetime"),
  TIMESTAMP_WITH_TIME_ZONE("timestamp with time zone", "datetime");

  private final String postgresName;
  private final String sqliteFunction;

  TemporalType(String postgresName, String sqliteFunction) {
    this.postgresName = postgresName;
    this.sqliteFunction = sqliteFunction;
  }

  /** The type jOOQ parsed a cast to, or empty for one that is not a date, time or timestamp. */
  static Optional<TemporalType> of(DataType<?> type) {
    return type.isDate() ? Optional.of(DATE)
        : type.isTime() ? Optional.of(TIME)
        : type.isTimestampWithTimeZone() ? Optional.of(TIMESTAMP_WITH_TIME_ZONE)
        : type.isTimestamp() ? Optional.of(TIMESTAMP)
        : Optional.empty();
  }

  /** PostgreSQL's name of the type, as its errors give it ({@code timestamp with time zone}). */
  String postgresName() {
    return postgresName;
  }

  /** SQLite's date function whose text is a value of the type ({@code datetime}). */
  String sqliteFunction() {
    return sqliteFunction;
  }
}
