package dev.strata.dialects.lint;

import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.lint.RevisionRule;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.lint.pg.PgStatementRules;
import dev.strata.grammar.DialectId;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of lint rules: which {@link StatementRule}s and {@link RevisionRule}s {@code strata
 * lint} runs for each dialect. Rules that are specific to one dialect live next to that dialect's
 * renderer; add one line per rule here.
 */
public final class LintRules {
  private LintRules() {}

  /** The statement rules for {@code dialect}, in report order. */
  public static List<StatementRule> statementRules(DialectId dialect) {
    List<StatementRule> rules = new ArrayList<>();
    switch (dialect) {
      case POSTGRESQL -> rules.addAll(PgStatementRules.postgres());
      case MYSQL, MARIADB, SQLITE -> { }
    }
    rules.addAll(PgStatementRules.everyDialect());
    return List.copyOf(rules);
  }

  /** The revision rules for {@code dialect}. */
  public static List<RevisionRule> revisionRules(DialectId dialect) {
    List<RevisionRule> rules = new ArrayList<>();
    switch (dialect) {
      case POSTGRESQL -> { }
      case MYSQL, MARIADB, SQLITE -> { }
    }
    return List.copyOf(rules);
  }

  /** A {@link Linter} running every rule of {@code dialect}. */
  public static Linter linter(DialectId dialect) {
    return new Linter(statementRules(dialect), revisionRules(dialect));
  }
}
