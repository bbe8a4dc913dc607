package dev.strata.compiler.lint;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The project-wide lint settings, as {@code strata.toml}'s {@code [lint]} table gives them:
 *
 * <pre>
 * [lint]
 * prefer-bigint-keys = false                 # the seeds' BIGINT-keys convention (default true)
 * rules = { "drop-data" = "error", "prefer-timestamptz" = "off" }
 * </pre>
 *
 * @param severities the severity each named rule is given instead of its default ({@code off}
 *     removes the rule's findings); a rule not in the map keeps {@link Rule#defaultSeverity()}
 * @param preferBigintKeys whether the project follows the "BIGINT keys" convention: {@code false}
 *     turns {@link Rule#PREFER_BIGINT_KEYS} off whatever {@code severities} says
 */
public record LintConfig(Map<Rule, LintSeverity> severities, boolean preferBigintKeys) {
  /** No {@code [lint]} table: every rule at its default severity, BIGINT keys preferred. */
  public static final LintConfig DEFAULTS = new LintConfig(Map.of(), true);

  /** Checks and copies the map. */
  public LintConfig {
    Objects.requireNonNull(severities, "severities");
    severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
  }

  /** The severity in effect for {@code rule}: configured, else the rule's default. */
  public LintSeverity severityOf(Rule rule) {
    if (rule == Rule.PREFER_BIGINT_KEYS && !preferBigintKeys) {
      return LintSeverity.OFF;
    }
    return severities.getOrDefault(rule, rule.defaultSeverity());
  }
}
