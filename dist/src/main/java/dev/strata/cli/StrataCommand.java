package dev.strata.cli;

import dev.strata.grammar.DiagnosticException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The top-level {@code strata} command: only holds the subcommands and the shared error handling. */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.Provider.class,
    description = "Compiles a chain of revision files into dialect-specific SQL migration scripts.",
    subcommands = {
      UpgradeCommand.class,
      DowngradeCommand.class,
      BundleCommand.class,
      VerifyCommand.class,
      HeadsCommand.class,
      BranchesCommand.class,
      HistoryCommand.class,
      ShowCommand.class,
      SchemaCommand.class,
      DiffCommand.class,
      GraphCommand.class,
      NewCommand.class,
      MergeCommand.class,
      StatusCommand.class,
      InitCommand.class,
      CheckCommand.class,
      LintCommand.class,
      LockCommand.class,
      ImportCommand.class,
      StampCommand.class,
      CommandLine.HelpCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 success, 1 errors in the revision files or the range, or a",
      "            bundle that fails verify, 2 usage error, 3 internal error",
      "            (stack trace with --verbose), 4 'status' with several --db:",
      "            the databases are not at the same revisions."
    })
final class StrataCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = ConfigDefaults.CONFIG_OPTION,
      paramLabel = "FILE",
      description = "The configuration file (default: $STRATA_CONFIG, else strata.toml in the"
          + " current directory when there is one; see docs/configuration.md).")
  java.nio.file.Path config;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /** A configured picocli {@link CommandLine} writing to the given streams. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Environment.system());
  }

  /**
   * A configured picocli {@link CommandLine} writing to the given streams, whose options default
   * to {@code environment}'s {@code STRATA_*} variables and configuration file ({@link
   * ConfigDefaults}) and whose database URLs read its {@code PGPASSWORD}.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    CommandLine cli = new CommandLine(new StrataCommand());
    cli.setUsageHelpWidth(80); // fixed, so help text does not depend on the terminal
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(JdbcUrl.class, new FromDatabase.JdbcUrlConverter(environment));
    ConfigDefaults defaults = new ConfigDefaults(cli.getCommandSpec(), environment);
    cli.setDefaultValueProvider(defaults);
    cli.setParameterExceptionHandler(usageErrors(defaults));
    cli.setExecutionExceptionHandler(executionErrors());
    return cli;
  }

  /**
   * Usage errors: {@code strata: error: message} and a hint, exit 2; no usage dump. A problem of
   * the configuration file or a {@code STRATA_*} variable prints as a diagnostic instead, exit 1.
   */
  private static IParameterExceptionHandler usageErrors(ConfigDefaults defaults) {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      var config = defaults.explain(e);
      if (config.isPresent()) {
        err.print(config.get().format());
        err.flush();
        return Main.DIAGNOSTICS;
      }
      err.println("strata: error: " + UsageHints.message(e));
      UsageHints.of(e, args).forEach(hint -> err.println("  = " + hint));
      err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return Main.USAGE;
    };
  }

  /** Diagnostics print as they are, exit 1; anything else is an internal error, exit 3. */
  private static IExecutionExceptionHandler executionErrors() {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      PrintWriter err = cmd.getErr();
      if (e instanceof DiagnosticException diagnostics) {
        err.print(diagnostics.format());
        err.flush();
        return Main.DIAGNOSTICS;
      }
      if (e instanceof ConfigDefaults.ConfigError config) {
        err.print(config.diagnostics().format());
        err.flush();
        return Main.DIAGNOSTICS;
      }
      err.println("strata: internal error: " + e);
      if (verbose(parsed)) {
        e.printStackTrace(err);
      } else {
        err.println("strata: run again with --verbose for the stack trace");
      }
      err.flush();
      return Main.INTERNAL;
    };
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
