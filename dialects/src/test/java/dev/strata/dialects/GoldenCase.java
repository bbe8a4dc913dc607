package dev.strata.dialects;

import dev.strata.compiler.Plan;
import java.util.List;

/**
 * One golden case: a plan rendered with options, compared with
 * {@code golden/<name>/postgresql.sql}.
 *
 * @param setupCases golden cases whose scripts run first on the test database (for a plan that does
 *     not start from base); empty for a self-contained plan
 * @param prelude SQL run on the test database before the scripts ({@code ""} for none), e.g. the
 *     schema a custom version table lives in
 */
record GoldenCase(
    String name, Plan plan, ScriptOptions options, List<String> setupCases, String prelude) {

  GoldenCase {
    setupCases = List.copyOf(setupCases);
  }

  static GoldenCase of(String name, Plan plan) {
    return new GoldenCase(name, plan, GoldenCases.OPTIONS, List.of(), "");
  }

  GoldenCase withOptions(ScriptOptions other) {
    return new GoldenCase(name, plan, other, setupCases, prelude);
  }

  GoldenCase renamed(String other) {
    return new GoldenCase(other, plan, options, setupCases, prelude);
  }

  GoldenCase after(String... cases) {
    return new GoldenCase(name, plan, options, List.of(cases), prelude);
  }

  GoldenCase withPrelude(String sql) {
    return new GoldenCase(name, plan, options, setupCases, sql);
  }

  /** Whether the script can be run against a real database (fresh, or prepared by setup cases). */
  boolean executable() {
    return plan.startsFromBase() || !setupCases.isEmpty();
  }
}
