package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.Rule;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code [lint]} table of {@code strata.toml}, read into the compiler's {@link LintConfig}:
 *
 * <pre>
 * [lint]
 * prefer-bigint-keys = true                  # the BIGINT-keys convention; false turns it off
 * rules = { "drop-data" = "error", "prefer-timestamptz" = "off" }
 *
 * # or, the same as a table:
 * [lint.rules]
 * drop-data = "error"
 * </pre>
 *
 * <p>Severities are {@code "error"}, {@code "warning"} and {@code "off"}. Errors are positioned at
 * the key or value in the file: E0687 an unknown rule id (with a "did you mean"), E0688 a
 * severity that is not one of the three, E0689 any other key of {@code [lint]} or a value of the
 * wrong TOML type.
 */
final class LintSettings {
  /** The keys of {@code [lint]}. */
  static final List<String> KEYS = List.of("prefer-bigint-keys", "rules");

  private LintSettings() {}

  /**
   * The lint settings of the command's configuration file ({@code --config}, {@code
   * STRATA_CONFIG} or {@code ./strata.toml}, as {@link ConfigDefaults} finds it); the defaults
   * when there is no file or no {@code [lint]} table.
   *
   * @throws DiagnosticException as {@link #read(ConfigFile)}
   */
  static LintConfig forCommand(CommandSpec spec) throws DiagnosticException {
    if (spec.root().defaultValueProvider() instanceof ConfigDefaults defaults) {
      Optional<ConfigFile> file = defaults.file();
      if (file.isPresent()) {
        return read(file.get());
      }
    }
    return LintConfig.DEFAULTS;
  }

  /**
   * The {@code [lint]} table of {@code config}; {@link LintConfig#DEFAULTS} without one.
   *
   * @throws DiagnosticException E0687-E0689 (every problem of the table at once)
   */
  static LintConfig read(ConfigFile config) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    LintConfig result = read(config, problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return result;
  }

  /** Reads {@code [lint]}, adding each problem to {@code problems} (for the whole-file check). */
  static LintConfig read(ConfigFile config, List<Diagnostic> problems) {
    JsonNode lint = config.root().get(ConfigDefaults.LINT_TABLE);
    if (lint == null || !lint.isObject()) {
      return LintConfig.DEFAULTS;
    }
    boolean bigint = true;
    Map<Rule, LintSeverity> severities = new EnumMap<>(Rule.class);
    for (Map.Entry<String, JsonNode> entry : lint.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case "prefer-bigint-keys" -> {
          if (value.isBoolean()) {
            bigint = value.booleanValue();
          } else {
            problems.add(Diagnostic.error("E0689",
                "'lint.prefer-bigint-keys' must be true or false, not " + kind(value),
                config.source(), locate(config, key, true),
                "help: prefer-bigint-keys = false turns the BIGINT-keys convention off"));
          }
        }
        case "rules" -> {
          if (value.isObject()) {
            rules(config, value, severities, problems);
          } else {
            problems.add(Diagnostic.error("E0689",
                "'lint.rules' must be a table of rule ids to severities, not " + kind(value),
                config.source(), locate(config, key, true),
                "help: rules = { \"drop-data\" = \"error\", \"prefer-timestamptz\" = \"off\" }"));
          }
        }
        default -> {
          List<String> notes = new ArrayList<>();
          closest(key, KEYS).ifPresent(k -> notes.add("help: did you mean '" + k + "'?"));
          Rule.byId(key).ifPresent(r -> notes.add("help: a rule's severity goes in the rules"
              + " table: rules = { \"" + key + "\" = \"error\" }"));
          notes.add("note: the keys of [lint] are " + String.join(", ", KEYS));
          problems.add(Diagnostic.error("E0689", "unknown key 'lint." + key + "'",
              config.source(), locate(config, key, false), notes.toArray(String[]::new)));
        }
      }
    }
    return new LintConfig(severities, bigint);
  }

  private static void rules(ConfigFile config, JsonNode table, Map<Rule, LintSeverity> severities,
      List<Diagnostic> problems) {
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      String id = entry.getKey();
      JsonNode value = entry.getValue();
      Optional<Rule> rule = Rule.byId(id);
      if (rule.isEmpty()) {
        List<String> notes = new ArrayList<>();
        Rule.closest(id).ifPresent(r -> notes.add("help: did you mean '" + r.id() + "'?"));
        notes.add("note: docs/lint.md lists every rule id");
        problems.add(Diagnostic.error("E0687", "unknown lint rule '" + id + "'",
            config.source(), locate(config, id, false), notes.toArray(String[]::new)));
        continue;
      }
      Optional<LintSeverity> severity = value.isTextual()
          ? Arrays.stream(LintSeverity.values())
              .filter(s -> s.label().equals(value.textValue())).findFirst()
          : Optional.empty();
      if (severity.isEmpty()) {
        String shown = value.isTextual() ? "'" + value.textValue() + "'" : kind(value);
        List<String> notes = new ArrayList<>();
        if (value.isTextual()) {
          closest(value.textValue(), List.of("error", "warning", "off"))
              .ifPresent(s -> notes.add("help: did you mean '" + s + "'?"));
        }
        notes.add("note: a severity is \"error\", \"warning\" or \"off\"");
        problems.add(Diagnostic.error("E0688", "bad severity " + shown + " for lint rule '"
            + id + "'", config.source(), locate(config, id, true),
            notes.toArray(String[]::new)));
        continue;
      }
      severities.put(rule.get(), severity.get());
    }
  }

  /**
   * Where {@code key} (or with {@code value} its value) of the lint table is written: the first
   * {@code key =} (bare or quoted), inline tables included, from the {@code [lint} header on (the
   * whole file when there is none); the header, else the first line, when not found.
   */
  private static Span locate(ConfigFile config, String key, boolean value) {
    List<String> lines = config.source().lines();
    int from = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("[" + ConfigDefaults.LINT_TABLE)) {
        from = i;
        break;
      }
    }
    Pattern pattern = Pattern.compile("(?:^|[\\s{,.])([\"']?)(" + Pattern.quote(key)
        + ")\\1\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^,}\\s#]+)?");
    for (int i = from; i < lines.size(); i++) {
      Matcher m = pattern.matcher(lines.get(i));
      if (m.find()) {
        int group = value && m.group(3) != null ? 3 : 2;
        return new Span(i + 1, m.start(group) + 1, m.group(group).length());
      }
    }
    return config.locate(List.of(), ConfigDefaults.LINT_TABLE, false);
  }

  /** A known word within 2 edits of {@code typed}, or starting with it ({@code warn}). */
  private static Optional<String> closest(String typed, List<String> known) {
    String lower = typed.toLowerCase(Locale.ROOT);
    return known.stream()
        .filter(k -> (!lower.isEmpty() && k.startsWith(lower))
            || dev.strata.grammar.EditDistance.between(lower, k, 3) < 3)
        .findFirst();
  }

  private static String kind(JsonNode value) {
    if (value.isObject()) {
      return "a table";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isNumber()) {
      return "a number";
    }
    return "a string";
  }
}
