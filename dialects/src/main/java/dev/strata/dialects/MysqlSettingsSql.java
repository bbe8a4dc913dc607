package dev.strata.dialects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session settings of a MySQL or MariaDB script, from the PostgreSQL durations of {@link
 * ScriptOptions} ({@code 5s}, {@code 500ms}, {@code 2min}, a bare number being milliseconds as
 * PostgreSQL reads {@code lock_timeout}). Hand-written: jOOQ's {@code set(name, value)} renders
 * {@code SET name = value} without {@code SESSION} and takes bind values, not system variables.
 *
 * <ul>
 *   <li>{@code --lock-timeout} becomes {@code lock_wait_timeout} (metadata locks, which DDL waits
 *       for) and {@code innodb_lock_wait_timeout} (row locks, which DML waits for), both whole
 *       seconds: a duration is rounded up to the next second, and {@code 0} (no timeout in
 *       PostgreSQL) is each variable's maximum;
 *   <li>{@code --statement-timeout} becomes MariaDB's {@code max_statement_time} (seconds, to the
 *       microsecond; every statement) or MySQL's {@code max_execution_time} (milliseconds, rounded
 *       up), which limits read-only {@code SELECT} statements only: the script says so in a comment,
 *       since MySQL has no time limit for DDL or other DML;
 *   <li>{@code --lock-wait} becomes the timeout of {@code GET_LOCK}, in whole seconds rounded up.
 * </ul>
 *
 * <p>Each rounded or bounded value is followed by a comment giving the duration it came from.
 */
final class MysqlSettingsSql {
  /** {@code lock_wait_timeout}'s maximum (one year), its default. */
  static final long LOCK_WAIT_TIMEOUT_MAX = 31_536_000;

  /** {@code innodb_lock_wait_timeout}'s maximum. */
  static final long INNODB_LOCK_WAIT_TIMEOUT_MAX = 1_073_741_824;

  /** MariaDB's {@code max_statement_time} maximum, in seconds. */
  static final long MAX_STATEMENT_TIME_MAX = 31_536_000;

  /** MySQL's {@code max_execution_time} maximum, in milliseconds. */
  static final long MAX_EXECUTION_TIME_MAX = 4_294_967_295L;

  private MysqlSettingsSql() {}

  /** The settings block (statements and comments, one per line), or empty when none is set. */
  static Optional<String> block(Dialect dialect, ScriptOptions options) {
    List<String> lines = new ArrayList<>();
    options.lockTimeout().ifPresent(timeout -> {
      long micros = micros(timeout);
      lines.add(seconds("lock_wait_timeout", timeout, micros, LOCK_WAIT_TIMEOUT_MAX));
      lines.add(seconds("innodb_lock_wait_timeout", timeout, micros, INNODB_LOCK_WAIT_TIMEOUT_MAX));
    });
    options.statementTimeout().ifPresent(timeout -> {
      long micros = micros(timeout);
      if (dialect.has(Capability.STATEMENT_TIMEOUT)) {
        lines.add(maxStatementTime(timeout, micros));
      } else {
        lines.add("-- MySQL's max_execution_time limits read-only SELECT statements only:"
            + " DDL and other DML run without a time limit");
        lines.add(maxExecutionTime(timeout, micros));
      }
    });
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }

  /** The {@code GET_LOCK} timeout of a lock wait, in whole seconds (at least 1). */
  static long lockWaitSeconds(String wait) {
    return Math.max(1, Math.min(ceilDiv(micros(wait), 1_000_000), LOCK_WAIT_TIMEOUT_MAX));
  }

  /** A PostgreSQL duration (validated by {@link ScriptOptions}) in microseconds. */
  static long micros(String duration) {
    String digits = duration.replaceAll("[a-z]+$", "");
    long n = Long.parseLong(digits);
    String unit = duration.substring(digits.length());
    long factor = switch (unit) {
      case "us" -> 1;
      case "", "ms" -> 1_000;
      case "s" -> 1_000_000;
      case "min" -> 60_000_000;
      case "h" -> 3_600_000_000L;
      case "d" -> 86_400_000_000L;
      default -> throw new IllegalArgumentException("not a PostgreSQL duration: " + duration);
    };
    // 999999999d does not fit: every such value is far above each variable's maximum anyway
    return n > Long.MAX_VALUE / factor ? Long.MAX_VALUE : n * factor;
  }

  private static String seconds(String variable, String timeout, long micros, long max) {
    long value = micros == 0 ? max : Math.min(ceilDiv(micros, 1_000_000), max);
    boolean exact = micros == value * 1_000_000;
    return "SET SESSION " + variable + " = " + value + ";"
        + (exact ? "" : " -- " + timeout + (micros == 0 ? ": no timeout"
            : value == max ? ", bounded by the maximum" : ", rounded up to whole seconds"));
  }

  private static String maxStatementTime(String timeout, long micros) {
    long max = MAX_STATEMENT_TIME_MAX * 1_000_000;
    String value = new BigDecimal(Math.min(micros, max)).movePointLeft(6).stripTrailingZeros()
        .toPlainString();
    return "SET SESSION max_statement_time = " + value + ";"
        + (micros > max ? " -- " + timeout + ", bounded by the maximum" : "");
  }

  private static String maxExecutionTime(String timeout, long micros) {
    long millis = Math.min(ceilDiv(micros, 1_000), MAX_EXECUTION_TIME_MAX);
    return "SET SESSION max_execution_time = " + millis + ";"
        + (millis * 1_000 == micros ? "" : " -- " + timeout + (millis == MAX_EXECUTION_TIME_MAX
            ? ", bounded by the maximum" : ", rounded up to whole milliseconds"));
  }

  private static long ceilDiv(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
  }
}
