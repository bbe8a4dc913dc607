package dev.strata.cli;

import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.TransactionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * Which options of the compiling commands ({@link CompileOptions}) mean something for which
 * dialect. An option that cannot be honoured for the chosen dialect is a usage error (exit 2)
 * naming the option, the dialect and why, never silently ignored: {@code --transaction bundle} or
 * {@code revision} where DDL commits implicitly (no {@link Capability#TRANSACTIONAL_DDL}), {@code
 * --version-table-schema} where there are no schemas ({@link Capability#SCHEMAS}), and the psql
 * session options ({@code --lock-timeout}, {@code --statement-timeout}, {@code --lock-wait}) on a
 * client whose framing writes no such setting. The rules are listed in {@code docs/cli.md}.
 */
final class DialectOptions {
  private DialectOptions() {}

  /**
   * The transaction mode when {@code --transaction} is not given: {@link TransactionMode#BUNDLE}
   * where DDL is transactional (one transaction, a failure undoes everything), else {@link
   * TransactionMode#NONE}, which is what a script of such a dialect does: every statement commits
   * on its own.
   */
  static TransactionMode defaultMode(Dialect dialect) {
    return dialect.has(Capability.TRANSACTIONAL_DDL) ? TransactionMode.BUNDLE : TransactionMode.NONE;
  }

  /**
   * Refuses the options of {@code options} that mean nothing for its dialect.
   *
   * @throws ParameterException (usage, exit 2) naming every such option
   */
  static void requireApplicable(CompileOptions options) {
    List<String> problems = problems(options);
    if (!problems.isEmpty()) {
      throw new ParameterException(options.mixee.commandLine(), String.join("; and ", problems));
    }
  }

  /** Why each option of {@code options} does not apply to its dialect, in option order. */
  static List<String> problems(CompileOptions options) {
    Dialect dialect = options.dialect;
    List<String> problems = new ArrayList<>();
    options.transaction
        .filter(mode -> mode != TransactionMode.NONE)
        .filter(mode -> !dialect.has(Capability.TRANSACTIONAL_DDL))
        .ifPresent(mode -> problems.add("--transaction "
            + CompileOptions.TransactionModeConverter.id(mode) + " does not apply to "
            + dialect.id() + ": " + dialect.id() + " commits each DDL statement on its own"
            + (dialect == Dialect.MARIADB ? " (even one that fails)" : "")
            + ", so no transaction can hold a revision; leave --transaction out (" + dialect.id()
            + " scripts run with none: each revision records its version-table row once its"
            + " statements have run)"));
    if (options.table.schema.isPresent() && !dialect.has(Capability.SCHEMAS)) {
      problems.add("--version-table-schema does not apply to " + dialect.id() + ", which has no"
          + " schemas: the version table is in the database the script runs on; leave it out");
    }
    sessionOption(dialect, "--lock-timeout", options.lockTimeout.isPresent())
        .ifPresent(problems::add);
    sessionOption(dialect, "--statement-timeout", options.statementTimeout.isPresent())
        .ifPresent(problems::add);
    sessionOption(dialect, "--lock-wait", options.lockWait.isPresent()).ifPresent(problems::add);
    return problems;
  }

  /**
   * A psql session option ({@code SET lock_timeout}, {@code SET statement_timeout}, the advisory
   * lock's wait) given for a dialect whose script framing writes no such setting.
   */
  private static Optional<String> sessionOption(
      Dialect dialect, String option, boolean given) {
    if (!given) {
      return Optional.empty();
    }
    return switch (dialect) {
      case POSTGRESQL -> Optional.empty();
      case MYSQL, MARIADB, SQLITE -> Optional.of(option + " does not apply to "
          + dialect.id() + ": it sets a PostgreSQL session value, which " + dialect.id()
          + " scripts do not have; leave it out");
    };
  }
}
