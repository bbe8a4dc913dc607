package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.Rule;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [lint]} of {@code strata.toml}: both spellings of the rules table, and its errors. */
class LintSettingsTest {
  @TempDir Path dir;

  private ConfigFile file(String text) throws IOException, DiagnosticException {
    Path path = Files.writeString(dir.resolve("strata.toml"), text);
    return ConfigFile.read(path, "strata.toml");
  }

  @Test
  void noLintTableMeansTheDefaults() throws Exception {
    assertEquals(LintConfig.DEFAULTS, LintSettings.read(file("dialect = \"mysql\"\n")));
    assertEquals(LintSeverity.WARNING, LintConfig.DEFAULTS.severityOf(Rule.PREFER_BIGINT_KEYS));
  }

  @Test
  void anInlineRulesTableAndTheConvention() throws Exception {
    LintConfig config = LintSettings.read(file("""
        [lint]
        prefer-bigint-keys = false
        rules = { "drop-data" = "error", "prefer-timestamptz" = "off" }
        """));
    assertEquals(new LintConfig(Map.of(Rule.DROP_DATA, LintSeverity.ERROR,
        Rule.PREFER_TIMESTAMPTZ, LintSeverity.OFF), false), config);
    assertEquals(LintSeverity.OFF, config.severityOf(Rule.PREFER_BIGINT_KEYS));
    assertEquals(LintSeverity.ERROR, config.severityOf(Rule.DROP_DATA));
    assertEquals(LintSeverity.WARNING, config.severityOf(Rule.RENAME));
  }

  @Test
  void aRulesSubTable() throws Exception {
    LintConfig config = LintSettings.read(file("""
        [lint.rules]
        rename = "off"
        "no-lock-timeout" = "error"
        """));
    assertEquals(new LintConfig(Map.of(Rule.RENAME, LintSeverity.OFF,
        Rule.NO_LOCK_TIMEOUT, LintSeverity.ERROR), true), config);
  }

  @Test
  void everyProblemAtItsPosition() throws Exception {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> LintSettings.read(file("""
        [lint]
        prefer-bigint-keys = "yes"
        rules = { "drop-dat" = "error", "rename" = "warn", "set-not-null" = 1 }
        severity = "error"
        """)));
    assertEquals("""
        strata.toml:2:22: error[E0689]: 'lint.prefer-bigint-keys' must be true or false, not a string
          2 | prefer-bigint-keys = "yes"
            |                      ^^^^^
          = help: prefer-bigint-keys = false turns the BIGINT-keys convention off
        strata.toml:3:12: error[E0687]: unknown lint rule 'drop-dat'
          3 | rules = { "drop-dat" = "error", "rename" = "warn", "set-not-null" = 1 }
            |            ^^^^^^^^
          = help: did you mean 'drop-data'?
          = note: docs/lint.md lists every rule id
        strata.toml:3:44: error[E0688]: bad severity 'warn' for lint rule 'rename'
          3 | rules = { "drop-dat" = "error", "rename" = "warn", "set-not-null" = 1 }
            |                                            ^^^^^^
          = help: did you mean 'warning'?
          = note: a severity is "error", "warning" or "off"
        strata.toml:3:69: error[E0688]: bad severity a number for lint rule 'set-not-null'
          3 | rules = { "drop-dat" = "error", "rename" = "warn", "set-not-null" = 1 }
            |                                                                     ^
          = note: a severity is "error", "warning" or "off"
        strata.toml:4:1: error[E0689]: unknown key 'lint.severity'
          4 | severity = "error"
            | ^^^^^^^^
          = note: the keys of [lint] are prefer-bigint-keys, rules
        """, e.format());
  }

  @Test
  void aRuleIdAsAKeyOfLintPointsToTheRulesTable() throws Exception {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> LintSettings.read(file("""
        [lint]
        drop-data = "off"
        """)));
    assertEquals("""
        strata.toml:2:1: error[E0689]: unknown key 'lint.drop-data'
          2 | drop-data = "off"
            | ^^^^^^^^^
          = help: a rule's severity goes in the rules table: rules = { "drop-data" = "error" }
          = note: the keys of [lint] are prefer-bigint-keys, rules
        """, e.format());
  }
}
