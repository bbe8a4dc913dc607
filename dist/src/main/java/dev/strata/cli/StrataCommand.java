package dev.strata.cli;

import dev.strata.grammar.DiagnosticException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The top-level {@code strata} command: only holds the subcommands and the shared error handling.
 *
 * <p>The subcommands are {@link #COMMANDS}, added to the model when it is built ({@link
 * #commandLine(PrintWriter, PrintWriter, Environment, String[])}): only the invoked one when the
 * arguments name one, as picocli would find it, since building the model of every subcommand
 * costs more than most commands take to run.
 */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.Provider.class,
    description = "Compiles a chain of revision files into dialect-specific SQL migration scripts.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 success, 1 errors in the revision files or the range, or a",
      "            bundle that fails verify, 2 usage error, 3 internal error",
      "            (stack trace with --verbose), 4 'status' with several --db:",
      "            the databases are not at the same revisions."
    })
final class StrataCommand implements Runnable {

  /**
   * The subcommands by name, in the order of the usage help: each name is the {@code name} of its
   * class's {@code @Command} (a test checks it).
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("upgrade", UpgradeCommand.class);
    commands.put("downgrade", DowngradeCommand.class);
    commands.put("bundle", BundleCommand.class);
    commands.put("verify", VerifyCommand.class);
    commands.put("heads", HeadsCommand.class);
    commands.put("branches", BranchesCommand.class);
    commands.put("history", HistoryCommand.class);
    commands.put("show", ShowCommand.class);
    commands.put("schema", SchemaCommand.class);
    commands.put("diff", DiffCommand.class);
    commands.put("graph", GraphCommand.class);
    commands.put("new", NewCommand.class);
    commands.put("merge", MergeCommand.class);
    commands.put("status", StatusCommand.class);
    commands.put("init", InitCommand.class);
    commands.put("check", CheckCommand.class);
    commands.put("lint", LintCommand.class);
    commands.put("lock", LockCommand.class);
    commands.put("import", ImportCommand.class);
    commands.put("stamp", StampCommand.class);
    commands.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  @CommandLine.Spec CommandSpec spec;

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

  /**
   * A configured picocli {@link CommandLine} writing to the given streams, with the model of every
   * subcommand.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Environment.system());
  }

  /**
   * A configured picocli {@link CommandLine} writing to the given streams, with the model of every
   * subcommand, whose options default to {@code environment}'s {@code STRATA_*} variables and
   * configuration file ({@link ConfigDefaults}) and whose database URLs read its {@code
   * PGPASSWORD}.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    return configured(full(), out, err, environment, false);
  }

  /**
   * As {@link #commandLine(PrintWriter, PrintWriter, Environment)}, for parsing {@code args}:
   * with the model of the subcommand they invoke only ({@link #invoked}), else (no command, help,
   * version, an unknown or misspelt command) with every subcommand's, so that picocli answers as
   * it would with the full model. The configuration file is still checked against every command
   * (the full model is then built for that check only).
   */
  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, Environment environment, String[] args) {
    if (versionOnly(args)) {
      // picocli prints the version provider's answer and nothing of the subcommands
      return configured(new CommandLine(new StrataCommand()), out, err, environment, false);
    }
    Optional<String> invoked = invoked(args);
    boolean help = helpRequested(args);
    if (invoked.isEmpty()) {
      return configured(full(), out, err, environment, help);
    }
    CommandLine cli = new CommandLine(new StrataCommand());
    cli.addSubcommand(invoked.get(), instance(COMMANDS.get(invoked.get())));
    return configured(cli, out, err, environment, help);
  }

  /**
   * Whether {@code args} ask for help: {@code -h} or {@code --help} before any {@code --}, or the
   * {@code help} command first. A broken configuration file must not stop help from printing.
   */
  static boolean helpRequested(String[] args) {
    if (args.length > 0 && args[0].equals("help")) {
      return true;
    }
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code args} is {@code --version} or {@code -V} alone: the model of {@code strata}
   * itself answers it, without any subcommand's (0.41 s to 0.27 s on a slow machine).
   */
  static boolean versionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * The subcommand {@code args} invoke, as picocli finds it: the first argument that is not an
   * option of {@code strata} itself ({@code --config FILE} or {@code --config=FILE}), when it
   * names a subcommand other than {@code help}. Empty for anything else, which needs the full
   * model: no arguments, {@code help}, {@code --help}, {@code --version}, an unknown word or
   * option, an {@code @file} argument, or a {@code --config} whose value is a command name
   * (picocli refuses it).
   */
  static Optional<String> invoked(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(ConfigDefaults.CONFIG_OPTION)) {
        if (i + 1 >= args.length || COMMANDS.containsKey(args[i + 1])) {
          return Optional.empty();
        }
        i++;
      } else if (!arg.startsWith(ConfigDefaults.CONFIG_OPTION + "=")) {
        return COMMANDS.containsKey(arg) && !arg.equals("help")
            ? Optional.of(arg) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The model of {@code strata} and every subcommand. */
  private static CommandLine full() {
    CommandLine cli = new CommandLine(new StrataCommand());
    COMMANDS.forEach((name, type) -> cli.addSubcommand(name, instance(type)));
    return cli;
  }

  private static Object instance(Class<?> type) {
    try {
      return CommandLine.defaultFactory().create(type);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  private static CommandLine configured(CommandLine cli, PrintWriter out, PrintWriter err,
      Environment environment, boolean forHelp) {
    cli.setUsageHelpWidth(80); // fixed, so help text does not depend on the terminal
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(JdbcUrl.class, new FromDatabase.JdbcUrlConverter(environment));
    cli.registerConverter(Path.class, new PathConverter());
    CommandSpec root = cli.getCommandSpec();
    // the file's keys are checked against every command: the parsing model when it is the full
    // one, else a full model built for the check only, when there is a file
    Supplier<CommandSpec> every = root.subcommands().size() == COMMANDS.size()
        ? () -> root : () -> full().getCommandSpec();
    ConfigDefaults defaults = new ConfigDefaults(root, every, environment, forHelp);
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
      } else if (cmd.getCommandSpec().findOption("--verbose") != null) {
        err.println("strata: run again with --verbose for the stack trace");
      } else {
        err.println("strata: please report it, with the command line that caused it");
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
