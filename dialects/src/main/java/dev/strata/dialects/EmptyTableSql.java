package dev.strata.dialects;

import org.jooq.Name;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] t ()}: a table without columns, which PostgreSQL allows.
 * Hand-written because jOOQ renders a column-less table as {@code CREATE TABLE t}, without the
 * parentheses, which PostgreSQL rejects.
 */
final class EmptyTableSql {
  private EmptyTableSql() {}

  static String render(SqlContext sql, Name table, boolean ifNotExists) {
    return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + sql.render(table) + " ()";
  }
}
