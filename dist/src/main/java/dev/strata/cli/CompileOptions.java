package dev.strata.cli;

import dev.strata.dialects.Dialect;
import dev.strata.dialects.ScriptOptions;
import dev.strata.dialects.TransactionMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every compiling command ({@code upgrade}, {@code downgrade}, {@code bundle}) shares:
 * where the revisions are, what to render and how the script is framed. Which of them apply to
 * which dialect is {@link DialectOptions}'.
 */
final class CompileOptions {
  /** The dialect ids as option descriptions list them (checked against {@link Dialect}). */
  static final String DIALECTS = "postgresql, mysql, mariadb or sqlite";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Mixin ReadOptions source;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = DialectConverter.class,
      description = "SQL dialect to render: " + DIALECTS + " (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Mixin VersionTableOptions table;

  @Option(
      names = "--transaction",
      paramLabel = "MODE",
      converter = TransactionModeConverter.class,
      description = "Transactions: bundle (one for the whole script), revision (one per"
          + " revision) or none (default: bundle where DDL is transactional, none for mysql and"
          + " mariadb, where each DDL statement commits).")
  Optional<TransactionMode> transaction;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = LockTimeoutConverter.class,
      description = "How long a statement waits for a lock, e.g. 5s, 500ms, 2min (SET"
          + " lock_timeout; its counterpart on the other dialects).")
  Optional<String> lockTimeout;

  @Option(
      names = "--statement-timeout",
      paramLabel = "DURATION",
      converter = StatementTimeoutConverter.class,
      description = "How long a statement may run, e.g. 15min (SET statement_timeout; its"
          + " counterpart on the other dialects).")
  Optional<String> statementTimeout;

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      converter = LockWaitConverter.class,
      description = "While another strata script runs on the database, wait up to DURATION"
          + " (e.g. 30s, 5min) for it to end; without it the script fails at once.")
  Optional<String> lockWait;

  @Option(
      names = "--no-guard",
      description = "Leave out the advisory lock, the check of the version table before the"
          + " first change and the one-row check of each version-table UPDATE or DELETE.")
  boolean noGuard;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  /**
   * The script options these flags describe, for strata {@code toolVersion}.
   *
   * @throws ParameterException (a usage error, exit 2) when a name is not a valid version table or
   *     schema name
   */
  ScriptOptions scriptOptions(String toolVersion) {
    DialectOptions.requireApplicable(this);
    try {
      return new ScriptOptions(table.name, table.schema, toolVersion, transactionMode(), !noGuard,
          lockTimeout, statementTimeout, lockWait);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * The transaction mode: {@code --transaction} when given, else {@link
   * DialectOptions#defaultMode} of the dialect.
   */
  TransactionMode transactionMode() {
    return transaction.orElse(DialectOptions.defaultMode(dialect));
  }

  /** {@code --dialect NAME}: a known dialect id, else a usage error listing the known ones. */
  static final class DialectConverter implements ITypeConverter<Dialect> {
    @Override
    public Dialect convert(String value) {
      return Dialect.byId(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown dialect '" + value + "' (known: " + Dialect.knownIds() + ")"));
    }
  }

  /** {@code --transaction MODE}: a mode in lowercase, else a usage error listing the modes. */
  static final class TransactionModeConverter implements ITypeConverter<TransactionMode> {
    @Override
    public TransactionMode convert(String value) {
      return Arrays.stream(TransactionMode.values())
          .filter(mode -> id(mode).equals(value))
          .findFirst()
          .orElseThrow(() -> new TypeConversionException("unknown transaction mode '" + value
              + "' (known: bundle, revision, none)"));
    }

    /** The lowercase name of {@code mode}, as the option and the bundle manifest spell it. */
    static String id(TransactionMode mode) {
      return mode.name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code --lock-timeout}: checked by {@link ScriptOptions}' own rule, so the two never differ. */
  static final class LockTimeoutConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(value, true);
    }
  }

  /** {@code --statement-timeout}: as {@link LockTimeoutConverter}. */
  static final class StatementTimeoutConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(value, false);
    }
  }

  /** {@code --lock-wait}: a duration above zero, by {@link ScriptOptions}' own rule. */
  static final class LockWaitConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        ScriptOptions.defaults("check").withLockWait(Optional.of(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      return value;
    }
  }

  private static String checked(String value, boolean lock) {
    Optional<String> timeout = Optional.of(value);
    try {
      ScriptOptions.defaults("check")
          .withTimeouts(lock ? timeout : Optional.empty(), lock ? Optional.empty() : timeout);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    return value;
  }
}
