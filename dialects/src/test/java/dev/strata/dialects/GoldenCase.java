package dev.strata.dialects;

import dev.strata.compiler.Plan;
import java.nio.file.Path;

/**
 * One Java-defined golden case: a plan rendered with options, compared with {@code
 * golden/<name>/postgresql.sql}.
 *
 * @param prelude SQL run on the test database before the script ({@code ""} for none), e.g. the
 *     schema a custom version table lives in
 */
record GoldenCase(String name, Plan plan, ScriptOptions options, String prelude) {

  static GoldenCase of(String name, Plan plan) {
    return new GoldenCase(name, plan, GoldenCases.OPTIONS, "");
  }

  GoldenCase withOptions(ScriptOptions other) {
    return new GoldenCase(name, plan, other, prelude);
  }

  GoldenCase withPrelude(String sql) {
    return new GoldenCase(name, plan, options, sql);
  }

  Path golden() {
    return GoldenTest.GOLDEN.resolve(name).resolve(FileCase.UPGRADE_FILE);
  }

  /** Whether the script can run on a fresh database: it starts from base. */
  boolean executable() {
    return plan.startsFromBase();
  }
}
