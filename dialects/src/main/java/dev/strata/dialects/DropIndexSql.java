package dev.strata.dialects;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] [schema.]name [, ...] [CASCADE]}. Hand-written for
 * three reasons: jOOQ has no {@code CONCURRENTLY}, drops one index per statement, and jOOQ 3.20 drops
 * the schema of a qualified index name for PostgreSQL ({@code dropIndex(name("s", "ix"))} renders
 * {@code DROP INDEX ix}), which would drop an index of the search path instead. Single unqualified,
 * non-concurrent drops use jOOQ.
 */
final class DropIndexSql {
  private DropIndexSql() {}

  static String render(
      SqlContext sql, List<Name> indexes, boolean concurrently, boolean ifExists, boolean cascade) {
    return "DROP INDEX "
        + (concurrently ? "CONCURRENTLY " : "")
        + (ifExists ? "IF EXISTS " : "")
        + indexes.stream().map(sql::render).collect(Collectors.joining(", "))
        + (cascade ? " CASCADE" : "");
  }
}
