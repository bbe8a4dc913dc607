package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.StatementRule;
import java.util.List;

/** The statement rules of this package, in the order of {@code docs/lint.md}. */
public final class PgStatementRules {
  private PgStatementRules() {}

  /**
   * The PostgreSQL statement rules: create-index-not-concurrently, drop-index-not-concurrently,
   * constraint-without-not-valid, set-not-null, add-column-not-null-without-default,
   * add-column-rewrites-table, column-type-change-rewrites-table, add-unique-constraint.
   */
  public static List<StatementRule> postgres() {
    return List.of(IndexRules.CREATE_INDEX, IndexRules.DROP_INDEX, ConstraintRules.NOT_VALID,
        ColumnRules.SET_NOT_NULL, ColumnRules.NOT_NULL_WITHOUT_DEFAULT,
        ColumnRules.ADD_COLUMN_REWRITE, ColumnRules.TYPE_CHANGE, ConstraintRules.UNIQUE);
  }

  /** The rules of every dialect: rename, drop-data, update-or-delete-without-where. */
  public static List<StatementRule> everyDialect() {
    return List.of(DataRules.RENAME, DataRules.DROP_DATA, DataRules.WITHOUT_WHERE);
  }
}
