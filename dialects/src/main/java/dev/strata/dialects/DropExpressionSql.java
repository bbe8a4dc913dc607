package dev.strata.dialects;

import org.jooq.Name;

/**
 * {@code ALTER TABLE t ALTER COLUMN c DROP EXPRESSION [IF EXISTS]} (PostgreSQL 13 and later).
 * Hand-written because jOOQ's {@code alter(column)} has no such step.
 */
final class DropExpressionSql {
  private DropExpressionSql() {}

  static String render(
      SqlContext sql, Name table, boolean ifExists, Name column, boolean columnIfExists) {
    return "ALTER TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(table)
        + " ALTER COLUMN "
        + sql.render(column)
        + " DROP EXPRESSION"
        + (columnIfExists ? " IF EXISTS" : "");
  }
}
