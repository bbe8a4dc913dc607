package dev.strata.dialects;

import org.jooq.Name;

/**
 * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] [schema.]name [CASCADE]}. Hand-written for two
 * reasons: jOOQ has no {@code CONCURRENTLY}, and jOOQ 3.20 drops the schema of a qualified index
 * name for PostgreSQL ({@code dropIndex(name("s", "ix"))} renders {@code DROP INDEX ix}), which
 * would drop an index of the search path instead. Unqualified, non-concurrent drops use jOOQ.
 */
final class DropIndexSql {
  private DropIndexSql() {}

  static String render(
      SqlContext sql, Name index, boolean concurrently, boolean ifExists, boolean cascade) {
    return "DROP INDEX "
        + (concurrently ? "CONCURRENTLY " : "")
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(index)
        + (cascade ? " CASCADE" : "");
  }
}
