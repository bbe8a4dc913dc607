package dev.strata.dialects.lint;

import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.lint.NoDowngradeRule;
import dev.strata.compiler.lint.NoLockTimeout;
import dev.strata.compiler.lint.RevisionRule;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.lint.StatementsAfterAccessExclusive;
import dev.strata.compiler.lint.TypeChoiceRules;
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
      case MYSQL, MARIADB -> {
        rules.add(MysqlAlterRules.TABLE_COPY);
        rules.add(MysqlAlterRules.WITHOUT_ALGORITHM);
      }
      case SQLITE -> rules.add(SqliteTableRebuildRule.INSTANCE);
    }
    rules.addAll(PgStatementRules.everyDialect());
    // each type-choice rule checks its own dialects (Rule.dialects)
    rules.addAll(TypeChoiceRules.all());
    return List.copyOf(rules);
  }

  /** The revision rules for {@code dialect}. */
  public static List<RevisionRule> revisionRules(DialectId dialect) {
    List<RevisionRule> rules = new ArrayList<>();
    switch (dialect) {
      case POSTGRESQL -> {
        rules.add(new NoLockTimeout());
        rules.add(new StatementsAfterAccessExclusive());
      }
      case MYSQL, MARIADB, SQLITE -> { }
    }
    rules.add(NoDowngradeRule.INSTANCE);
    return List.copyOf(rules);
  }

  /** A {@link Linter} running every rule of {@code dialect}. */
  public static Linter linter(DialectId dialect) {
    return new Linter(statementRules(dialect), revisionRules(dialect));
  }
}
