package dev.strata.dialects;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a script is written, beyond its plan.
 *
 * @param versionTable the version table's name (Alembic's {@code version_table}); rendered without
 *     quotes when it is a plain lowercase identifier ({@code [a-z_][a-z0-9_$]*}), quoted otherwise
 * @param versionTableSchema its schema (Alembic's {@code version_table_schema}), same quoting rule
 * @param toolVersion the strata version named in the script header
 * @param transactionMode how statements are grouped into transactions
 * @param guards whether the script holds the advisory lock of its version table from before its
 *     first check to its end, checks before its first change that the version table holds exactly
 *     the expected starting rows, and checks that every version-table UPDATE or DELETE touched
 *     exactly one row (on by default; off gives Alembic's unguarded shape)
 * @param lockTimeout PostgreSQL {@code SET lock_timeout} for the session, e.g. {@code 5s}
 * @param statementTimeout PostgreSQL {@code SET statement_timeout} for the session, e.g. {@code 15min}
 * @param lockWait how long a guarded script waits for the advisory lock of its version table while
 *     another strata script holds it (a PostgreSQL duration above zero, e.g. {@code 30s}); empty
 *     fails at once (see {@code docs/scripts.md})
 */
public record ScriptOptions(
    String versionTable,
    Optional<String> versionTableSchema,
    String toolVersion,
    TransactionMode transactionMode,
    boolean guards,
    Optional<String> lockTimeout,
    Optional<String> statementTimeout,
    Optional<String> lockWait) {

  /** Alembic's default version table name. */
  public static final String DEFAULT_VERSION_TABLE = "alembic_version";

  public ScriptOptions {
    requireName(versionTable, "version table");
    Objects.requireNonNull(versionTableSchema, "versionTableSchema");
    versionTableSchema.ifPresent(schema -> requireName(schema, "version table schema"));
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (toolVersion.isBlank() || toolVersion.contains("\n") || toolVersion.contains("\r")) {
      throw new IllegalArgumentException("bad tool version: '" + toolVersion + "'");
    }
    Objects.requireNonNull(transactionMode, "transactionMode");
    Objects.requireNonNull(lockTimeout, "lockTimeout")
        .ifPresent(t -> requireDuration(t, "lock timeout"));
    Objects.requireNonNull(statementTimeout, "statementTimeout")
        .ifPresent(t -> requireDuration(t, "statement timeout"));
    Objects.requireNonNull(lockWait, "lockWait").ifPresent(ScriptOptions::requireWait);
  }

  /** Options without a lock wait. */
  public ScriptOptions(
      String versionTable,
      Optional<String> versionTableSchema,
      String toolVersion,
      TransactionMode transactionMode,
      boolean guards,
      Optional<String> lockTimeout,
      Optional<String> statementTimeout) {
    this(versionTable, versionTableSchema, toolVersion, transactionMode, guards, lockTimeout,
        statementTimeout, Optional.empty());
  }

  /** Options with the given transaction mode, guards on and no timeouts. */
  public ScriptOptions(
      String versionTable,
      Optional<String> versionTableSchema,
      String toolVersion,
      TransactionMode transactionMode) {
    this(versionTable, versionTableSchema, toolVersion, transactionMode, true,
        Optional.empty(), Optional.empty());
  }

  /** Options with {@link TransactionMode#BUNDLE}. */
  public ScriptOptions(
      String versionTable, Optional<String> versionTableSchema, String toolVersion) {
    this(versionTable, versionTableSchema, toolVersion, TransactionMode.BUNDLE);
  }

  /** Alembic's defaults: table {@code alembic_version}, no schema, one transaction. */
  public static ScriptOptions defaults(String toolVersion) {
    return new ScriptOptions(DEFAULT_VERSION_TABLE, Optional.empty(), toolVersion);
  }

  /** These options with another transaction mode. */
  public ScriptOptions withTransactionMode(TransactionMode mode) {
    return new ScriptOptions(versionTable, versionTableSchema, toolVersion, mode, guards,
        lockTimeout, statementTimeout, lockWait);
  }

  /** These options with guards on or off. */
  public ScriptOptions withGuards(boolean on) {
    return new ScriptOptions(versionTable, versionTableSchema, toolVersion, transactionMode, on,
        lockTimeout, statementTimeout, lockWait);
  }

  /** These options with the given session timeouts (PostgreSQL durations such as {@code 5s}). */
  public ScriptOptions withTimeouts(Optional<String> lock, Optional<String> statement) {
    return new ScriptOptions(versionTable, versionTableSchema, toolVersion, transactionMode, guards,
        lock, statement, lockWait);
  }

  /** These options with the given lock wait (a PostgreSQL duration above zero, or empty). */
  public ScriptOptions withLockWait(Optional<String> wait) {
    return new ScriptOptions(versionTable, versionTableSchema, toolVersion, transactionMode, guards,
        lockTimeout, statementTimeout, wait);
  }

  /**
   * A PostgreSQL duration as {@code SET lock_timeout} takes it: a whole number with an optional
   * unit {@code us}, {@code ms}, {@code s}, {@code min}, {@code h} or {@code d} ({@code 0} means no
   * timeout), at most {@value #MAX_MILLISECONDS} ms (PostgreSQL's limit, an {@code int} of
   * milliseconds: {@code 25d} is refused by the server); anything else is refused so that nothing
   * but a duration the server takes reaches the script.
   */
  private static void requireDuration(String value, String which) {
    Matcher duration = DURATION.matcher(value);
    if (!duration.matches()) {
      throw new IllegalArgumentException(
          "bad " + which + " '" + value + "': expected a number with a unit, like 5s,"
              + " 500ms or 2min");
    }
    long number = Long.parseLong(duration.group(1));
    String unit = duration.group(2) == null ? "ms" : duration.group(2);
    long perUnit = switch (unit) {
      case "us" -> 1L;
      case "ms" -> 1_000L;
      case "s" -> 1_000_000L;
      case "min" -> 60_000_000L;
      case "h" -> 3_600_000_000L;
      case "d" -> 86_400_000_000L;
      default -> throw new IllegalStateException("unit " + unit); // the pattern has no other
    };
    // at most 10 digits in days overflow a long of microseconds: compare before multiplying
    if (number > MAX_MILLISECONDS * 1_000 / perUnit) {
      throw new IllegalArgumentException("bad " + which + " '" + value + "': longer than"
          + " PostgreSQL takes (" + MAX_MILLISECONDS + " ms, about 24 days)");
    }
  }

  /** The longest duration PostgreSQL's {@code lock_timeout} and {@code statement_timeout} take. */
  private static final long MAX_MILLISECONDS = Integer.MAX_VALUE;

  /** A whole number (at most 10 digits) and an optional unit. */
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,10})(us|ms|s|min|h|d)?");

  /** A lock wait: a duration as {@link #requireDuration} takes it, above zero. */
  private static void requireWait(String value) {
    requireDuration(value, "lock wait");
    if (value.matches("0+[a-z]*")) {
      throw new IllegalArgumentException(
          "bad lock wait '" + value + "': expected a duration above zero, like 30s or 5min");
    }
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.length() > 63 || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("bad " + what + " name: '" + name + "'");
    }
  }
}
