package dev.strata.cli;

import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.TransactionMode;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The transaction mode of the compiling commands ({@link CompileOptions}) per dialect: by default
 * {@code bundle} where DDL is transactional and {@code none} where it is not ({@link
 * Capability#TRANSACTIONAL_DDL}), and a {@code --transaction bundle} or {@code revision} that the
 * dialect cannot honour is a usage error (exit 2) naming the option, the dialect and why, never
 * silently ignored. The other options a dialect cannot honour (a statement timeout or a
 * version-table schema for sqlite) are refused by the dialect's script framing, as diagnostics.
 */
final class DialectOptions {
  private DialectOptions() {}

  /**
   * The transaction mode when {@code --transaction} is not given: {@link TransactionMode#BUNDLE}
   * where DDL is transactional (one transaction, a failure undoes everything), else {@link
   * TransactionMode#NONE}, which is what a script of such a dialect does: every statement commits
   * as it runs.
   */
  static TransactionMode defaultMode(Dialect dialect) {
    return dialect.has(Capability.TRANSACTIONAL_DDL) ? TransactionMode.BUNDLE : TransactionMode.NONE;
  }

  /**
   * Refuses a {@code --transaction} that the dialect of {@code options} cannot honour.
   *
   * @throws ParameterException (usage, exit 2) naming the option, the dialect and why
   */
  static void requireApplicable(CompileOptions options) {
    Dialect dialect = options.dialect;
    TransactionMode mode = options.transaction.orElse(TransactionMode.NONE);
    if (mode != TransactionMode.NONE && !dialect.has(Capability.TRANSACTIONAL_DDL)) {
      CommandLine command = options.mixee.commandLine();
      // the option and its value, so that one set by strata.toml or STRATA_TRANSACTION is
      // reported where it was set (ConfigDefaults.explain), not as a command-line mistake
      throw new ParameterException(command, "--transaction "
          + CompileOptions.TransactionModeConverter.id(mode) + " does not apply to "
          + dialect.id() + ": " + dialect.id() + " commits each DDL statement on its own"
          + (dialect == Dialect.MARIADB ? " (even one that fails)" : "")
          + ", so no transaction can hold a revision; leave --transaction out (" + dialect.id()
          + " scripts run with none: each revision records its version-table row once its"
          + " statements have run)", command.getCommandSpec().findOption("--transaction"),
          CompileOptions.TransactionModeConverter.id(mode));
    }
  }
}
