package dev.strata.dialects;

import org.jooq.Name;

/**
 * {@code ALTER TABLE t ALTER COLUMN c TYPE type USING expr}. Hand-written because jOOQ's
 * {@code alter(column).set(type)} has no {@code USING} clause; the type is spelled as jOOQ renders
 * it in its own DDL ({@link DataTypes#name}), with its {@code COLLATE} clause if any.
 */
final class AlterColumnTypeSql {
  private AlterColumnTypeSql() {}

  static String render(
      SqlContext sql, Name table, boolean ifExists, Name column, String type, String using) {
    return "ALTER TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(table)
        + " ALTER COLUMN "
        + sql.render(column)
        + " TYPE "
        + type
        + " USING "
        + using;
  }
}
