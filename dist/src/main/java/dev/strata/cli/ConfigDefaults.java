package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.EditDistance;
import dev.strata.grammar.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The defaults of every option of every command, from {@code STRATA_*} environment variables and
 * {@code strata.toml}: picocli asks it for each option the command line does not set, so the
 * precedence is command line, then environment, then file, then the option's built-in default.
 *
 * <p>Option {@code --foo-bar} is environment variable {@code STRATA_FOO_BAR} and key {@code
 * foo-bar} of the file, at the top level (every command with that option) or in the table of the
 * command ({@code [upgrade]}; {@code [import.alembic]} for a nested command), which wins over the
 * top level. Booleans ({@code no-guard = true}) set flags; a map option ({@code --type-map K=V})
 * is a table of strings; a relative path in the file is read against the file's directory. The
 * file is {@code --config FILE}, else {@code STRATA_CONFIG}, else {@code strata.toml} in the
 * working directory, else none. Table {@code [lint]} is the lint settings: {@link LintSettings}
 * reads and checks it.
 *
 * <p>The whole file is checked when it is first needed: an unknown key (E0642) or a value of the
 * wrong TOML type (E0643) is an error at its position, listing the known keys; a value the
 * option's own converter refuses is reported at its position too ({@link #explain}, E0644; E0645
 * for an environment variable). These errors reach picocli's handlers as {@link ConfigError}.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  /** The option naming the file; it is no key of the file itself. */
  static final String CONFIG_OPTION = "--config";
  /** The variable naming the file when {@code --config} is not given. */
  static final String CONFIG_VARIABLE = "STRATA_CONFIG";
  /** The table of lint settings, read by {@link LintSettings}. */
  static final String LINT_TABLE = "lint";
  /** The prefix of the environment variables. */
  static final String PREFIX = "STRATA_";

  private final CommandSpec root;
  private final Supplier<CommandSpec> every;
  private final Environment environment;
  private Optional<ConfigFile> file;
  /** Why the file could not be used, once read: raised again at every {@link #file()}. */
  private ConfigError failure;
  private final boolean forHelp;
  private final Map<ArgSpec, Origin> origins = new IdentityHashMap<>();

  /** Where a default came from, for reporting a value the option refuses. */
  private sealed interface Origin {
    /** Key {@code key} of table {@code table} of {@code file}. */
    record InFile(ConfigFile file, List<String> table, String key) implements Origin {}

    /** Environment variable {@code name}. */
    record InEnvironment(String name) implements Origin {}
  }

  /**
   * A command that does not read the configuration: {@code strata init}, which writes it (and
   * must work where the file is broken, to replace it).
   */
  interface Unconfigured {}

  /** A problem of the configuration, raised from inside picocli's parsing. */
  static final class ConfigError extends RuntimeException {
    private final transient DiagnosticException diagnostics;

    ConfigError(DiagnosticException diagnostics) {
      super(diagnostics.getMessage(), null, false, false);
      this.diagnostics = diagnostics;
    }

    DiagnosticException diagnostics() {
      return diagnostics;
    }
  }

  /**
   * The defaults for the commands under {@code root}, read from {@code environment} and its file.
   */
  ConfigDefaults(CommandSpec root, Environment environment) {
    this(root, () -> root, environment, false);
  }

  /**
   * The defaults for the commands under {@code root}, the model being parsed, read from {@code
   * environment} and its file, whose keys are checked against {@code every}: the model of {@code
   * strata} with every subcommand (asked for only when there is a file; {@code root} may hold the
   * invoked subcommand only). {@code forHelp} when the command line asks for help: a file that
   * cannot be read or checked is then left out (the help shows the built-in defaults) instead of
   * failing, so that {@code --help} always prints help.
   */
  ConfigDefaults(CommandSpec root, Supplier<CommandSpec> every, Environment environment,
      boolean forHelp) {
    this.root = root;
    this.every = every;
    this.environment = environment;
    this.forHelp = forHelp;
  }

  /** The environment the defaults are read from. */
  Environment environment() {
    return environment;
  }

  /** The key of {@code option} ({@code --foo-bar}: {@code foo-bar}); empty for short-only ones. */
  static Optional<String> key(OptionSpec option) {
    String name = option.longestName();
    return name.startsWith("--") ? Optional.of(name.substring(2)) : Optional.empty();
  }

  /** The environment variable of {@code key}: {@code STRATA_FOO_BAR} for {@code foo-bar}. */
  static String variable(String key) {
    return PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static boolean configurable(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp()
        && !(option.command().userObject() instanceof Unconfigured)
        && key(option).isPresent() && !option.longestName().equals(CONFIG_OPTION);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !configurable(option)) {
      return null;
    }
    String key = key(option).orElseThrow();
    // an empty variable counts as unset, as CI systems set them
    Optional<String> fromEnvironment =
        environment.variable(variable(key)).filter(value -> !value.isEmpty());
    if (fromEnvironment.isPresent()) {
      origins.put(arg, new Origin.InEnvironment(variable(key)));
      return fromEnvironment.get();
    }
    Optional<ConfigFile> config = file();
    if (config.isEmpty()) {
      return null;
    }
    List<String> path = commandPath(option.command());
    for (int depth = path.size(); depth >= 0; depth--) {
      List<String> table = path.subList(0, depth);
      Optional<ObjectNode> node = table(config.get().root(), table);
      if (node.isPresent() && node.get().has(key)) {
        origins.put(arg, new Origin.InFile(config.get(), table, key));
        return text(config.get(), option, node.get().get(key));
      }
    }
    return null;
  }

  /**
   * The file in use, read and checked once; empty when there is none.
   *
   * @throws ConfigError at every call, when the file cannot be read or fails the check (but for
   *     help, which then reads no file): picocli ignores what a default provider throws while it
   *     toggles a boolean flag ({@code --no-cache}), so an error raised once and then forgotten
   *     let the command run without the file
   */
  Optional<ConfigFile> file() {
    if (failure != null && !forHelp) {
      throw failure;
    }
    if (file == null) {
      try {
        file = locate().map(this::checked);
      } catch (ConfigError e) {
        file = Optional.empty();
        failure = e;
        if (!forHelp) {
          throw e;
        }
      }
    }
    return file;
  }

  /** The file to read, as given ({@code --config}, {@code STRATA_CONFIG}) or found. */
  private Optional<Path> locate() {
    OptionSpec explicit = root.findOption(CONFIG_OPTION);
    Object given = explicit == null ? null : explicit.getValue();
    if (given instanceof Path path) {
      return Optional.of(path);
    }
    Optional<String> variable = environment.variable(CONFIG_VARIABLE).filter(v -> !v.isEmpty());
    if (variable.isPresent()) {
      return Optional.of(Path.of(variable.get()));
    }
    Path here = environment.workingDirectory().resolve(ConfigFile.NAME);
    return Files.isRegularFile(here) ? Optional.of(Path.of(ConfigFile.NAME)) : Optional.empty();
  }

  private ConfigFile checked(Path given) {
    try {
      ConfigFile config =
          ConfigFile.read(environment.workingDirectory().resolve(given), given.toString());
      List<Diagnostic> problems = new ArrayList<>();
      check(config, every.get(), List.of(), config.root(), problems);
      if (!problems.isEmpty()) {
        throw new DiagnosticException(problems);
      }
      return config;
    } catch (DiagnosticException e) {
      throw new ConfigError(e);
    }
  }

  /** Checks table {@code node} ({@code table} in the file) against the options of {@code command}. */
  private void check(ConfigFile config, CommandSpec command, List<String> table, ObjectNode node,
      List<Diagnostic> problems) {
    // a table holds the keys of its command and of the commands below it ([import] those of
    // 'import alembic'), as the top level holds every command's
    Map<String, List<OptionSpec>> options = allOptions(command);
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      List<String> where = append(table, key);
      if (options.containsKey(key)) {
        wrongType(options.get(key).getFirst(), value).ifPresent(expected ->
            problems.add(Diagnostic.error("E0643", "'" + dotted(where) + "' must be " + expected
                + ", not " + kind(value), config.source(), config.locate(table, key, true),
                "help: it sets " + usage(options.get(key).getFirst())
                    + "; see docs/configuration.md")));
      } else if (table.isEmpty() && key.equals(LINT_TABLE)) {
        if (!value.isObject()) {
          problems.add(Diagnostic.error("E0643", "'lint' must be a table, not " + kind(value),
              config.source(), config.locate(table, key, true),
              "note: [lint] holds the lint settings (docs/configuration.md)"));
        } else {
          LintSettings.read(config, problems);
        }
      } else if (configured(command).contains(command.subcommands().get(key))) {
        if (value instanceof ObjectNode sub) {
          check(config, command.subcommands().get(key).getCommandSpec(), where, sub, problems);
        } else {
          problems.add(Diagnostic.error("E0643", "'" + dotted(where) + "' must be a table (["
              + dotted(where) + "]: the settings of 'strata " + String.join(" ", where)
              + "'), not " + kind(value), config.source(), config.locate(table, key, true)));
        }
      } else {
        List<String> known = new ArrayList<>(options.keySet());
        configured(command).stream().map(sub -> sub.getCommandName())
            .filter(name -> !name.equals("help"))
            .map(name -> "[" + dotted(append(table, name)) + "]").forEach(known::add);
        // [lint] is both the lint command's table and the rules' settings: listed once
        if (table.isEmpty() && !known.contains("[" + LINT_TABLE + "]")) {
          known.add("[" + LINT_TABLE + "]");
        }
        List<String> notes = new ArrayList<>();
        closest(key, known).ifPresent(k -> notes.add("help: did you mean '" + k + "'?"));
        notes.add("note: the known keys " + (table.isEmpty() ? "at the top level"
            : "of [" + dotted(table) + "]") + " are " + String.join(", ", known));
        problems.add(Diagnostic.error("E0642", "unknown key '" + dotted(where) + "'",
            config.source(), config.locate(table, key, false),
            notes.toArray(String[]::new)));
      }
    }
  }

  /** What {@code value} must be for {@code option}, when it is not that. */
  private static Optional<String> wrongType(OptionSpec option, JsonNode value) {
    if (isFlag(option)) {
      return value.isBoolean() ? Optional.empty() : Optional.of("true or false");
    }
    if (Map.class.isAssignableFrom(option.type())) {
      boolean strings = value.isObject() && value.properties().stream()
          .allMatch(e -> e.getValue().isValueNode() && !e.getValue().isBoolean());
      if (!strings) {
        return Optional.of("a table of strings (\"NAME\" = \"VALUE\")");
      }
      String separator = separator(option);
      boolean split = value.properties().stream().anyMatch(e ->
          e.getKey().contains(separator) || e.getValue().asText().contains(separator));
      return split ? Optional.of("a table whose names and values have no '" + separator
          + "' (" + option.longestName() + " splits on it)") : Optional.empty();
    }
    if (option.isMultiValue() && !option.splitRegex().isEmpty() && value.isArray()) {
      return value.valueStream().allMatch(JsonNode::isValueNode) ? Optional.empty()
          : Optional.of("an array of strings");
    }
    // a number stands for its digits (a duration of milliseconds, a count), but never for a path
    return value.isTextual() || value.isNumber() && !isPath(option)
        ? Optional.empty()
        : Optional.of(isPath(option) ? "a string (a path)" : "a string");
  }

  private static boolean isPath(OptionSpec option) {
    return option.type() == Path.class || List.of(option.auxiliaryTypes()).contains(Path.class);
  }

  private static boolean isFlag(OptionSpec option) {
    return option.arity().max() == 0;
  }

  /** {@code value} as the option's default text. */
  private static String text(ConfigFile config, OptionSpec option, JsonNode value) {
    if (value.isObject()) {
      String separator = separator(option);
      return value.properties().stream()
          .map(e -> e.getKey() + "=" + e.getValue().asText())
          .collect(Collectors.joining(separator));
    }
    if (value.isArray()) {
      return value.valueStream().map(v -> path(config, option, v.asText()))
          .collect(Collectors.joining(separator(option)));
    }
    return path(config, option, value.asText());
  }

  /** A path option's relative value read against the file's directory. */
  private static String path(ConfigFile config, OptionSpec option, String value) {
    return isPath(option) && !value.isEmpty()
        ? config.directory().resolve(value).normalize().toString() : value;
  }

  private static String separator(OptionSpec option) {
    String regex = option.splitRegex();
    return regex.isEmpty() || !regex.matches("[,;|: ]|\\\\\\|") ? "," : regex.replace("\\", "");
  }

  /**
   * The configuration problem behind a usage error, when there is one: a {@link ConfigError}
   * raised while picocli asked for defaults, or a value from the file or the environment that the
   * option's converter refused (E0644 at the value in the file, E0645 naming the variable).
   */
  Optional<DiagnosticException> explain(ParameterException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConfigError error) {
        return Optional.of(error.diagnostics());
      }
    }
    ArgSpec arg = e.getArgSpec();
    Origin origin = arg == null ? null : origins.get(arg);
    if (origin == null || !(arg instanceof OptionSpec option)) {
      return Optional.empty();
    }
    String reason = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : e.getMessage();
    return Optional.of(new DiagnosticException(switch (origin) {
      case Origin.InFile in -> {
        Span span = in.file().locate(in.table(), in.key(), true);
        yield Diagnostic.error("E0644", "bad value for '" + dotted(append(in.table(), in.key()))
            + "': " + reason, in.file().source(), span,
            "note: '" + in.key() + "' sets " + usage(option) + "; the command line and " + variable(in.key()) + " override it");
      }
      case Origin.InEnvironment env -> Diagnostic.error("E0645", "bad value in the environment"
          + " variable " + env.name() + ": " + reason,
          "note: " + env.name() + " sets " + usage(option) + "; the command line overrides it");
    }));
  }

  /** Every command's configurable options by key, at any depth (the top-level keys). */
  private static Map<String, List<OptionSpec>> allOptions(CommandSpec command) {
    Map<String, List<OptionSpec>> all = new java.util.TreeMap<>();
    options(command).forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    for (var sub : configured(command)) {
      allOptions(sub.getCommandSpec())
          .forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    return all;
  }

  private static Map<String, List<OptionSpec>> options(CommandSpec command) {
    Map<String, List<OptionSpec>> options = new java.util.TreeMap<>();
    for (OptionSpec option : command.options()) {
      if (configurable(option)) {
        options.computeIfAbsent(key(option).orElseThrow(), k -> new ArrayList<>()).add(option);
      }
    }
    return options;
  }

  /** The subcommands of {@code command} that read the configuration. */
  private static List<picocli.CommandLine> configured(CommandSpec command) {
    return command.subcommands().values().stream()
        .filter(sub -> !(sub.getCommandSpec().userObject() instanceof Unconfigured))
        .distinct().toList();
  }

  /** {@code ["import", "alembic"]} for {@code strata import alembic}; {@code []} for the root. */
  private static List<String> commandPath(CommandSpec command) {
    List<String> path = new ArrayList<>();
    for (CommandSpec c = command; c != null && c.parent() != null; c = c.parent()) {
      path.addFirst(c.name());
    }
    return path;
  }

  private static Optional<ObjectNode> table(ObjectNode root, List<String> path) {
    JsonNode node = root;
    for (String name : path) {
      node = node.get(name);
      if (!(node instanceof ObjectNode)) {
        return Optional.empty();
      }
    }
    return Optional.of((ObjectNode) node);
  }

  private static Optional<String> closest(String key, List<String> known) {
    return known.stream()
        .filter(k -> EditDistance.between(key, k.replaceAll("[\\[\\]]", ""), 3) <= 2)
        .min(java.util.Comparator.comparingInt(
            k -> EditDistance.between(key, k.replaceAll("[\\[\\]]", ""), 3)));
  }

  /** {@code --dialect NAME}, or {@code --no-guard} for a flag. */
  private static String usage(OptionSpec option) {
    return option.longestName() + (isFlag(option) ? "" : " " + option.paramLabel());
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "a table";
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static List<String> append(List<String> table, String key) {
    List<String> result = new ArrayList<>(table);
    result.add(key);
    return List.copyOf(result);
  }

  private static String dotted(List<String> path) {
    return String.join(".", path);
  }

  /** The keys every command table accepts, sorted: for docs and the init template's check. */
  static TreeSet<String> knownKeys(CommandSpec root) {
    return new TreeSet<>(allOptions(root).keySet());
  }
}
