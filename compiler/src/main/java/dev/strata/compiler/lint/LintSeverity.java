package dev.strata.compiler.lint;

import java.util.Locale;

/**
 * How a lint finding counts: {@code error} fails {@code strata lint} and {@code strata check}
 * (exit 1), {@code warning} fails them only with {@code --strict}, {@code off} turns the rule off
 * (only in configuration: a finding is never {@code off}).
 */
public enum LintSeverity {
  ERROR,
  WARNING,
  OFF;

  /** The word used in output and in {@code strata.toml}: {@code error}, {@code warning}, {@code off}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
