package dev.strata.dialects;

import org.jooq.DataType;
import org.jooq.Name;

/**
 * {@code ALTER TABLE t ALTER COLUMN c TYPE type USING expr}. Hand-written because jOOQ's
 * {@code alter(column).set(type)} has no {@code USING} clause; the type is spelled by jOOQ
 * ({@link SqlContext#typeName}), exactly as in its own DDL.
 */
final class AlterColumnTypeSql {
  private AlterColumnTypeSql() {}

  static String render(
      SqlContext sql, Name table, boolean ifExists, Name column, DataType<?> type, String using) {
    return "ALTER TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(table)
        + " ALTER COLUMN "
        + sql.render(column)
        + " TYPE "
        + sql.typeName(type)
        + " USING "
        + using;
  }
}
