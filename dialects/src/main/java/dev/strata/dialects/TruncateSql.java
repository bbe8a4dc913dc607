package dev.strata.dialects;

import dev.strata.grammar.ast.Operation.Truncate;
import java.util.stream.Collectors;

/**
 * {@code TRUNCATE TABLE [ONLY] t [, ...] [RESTART | CONTINUE IDENTITY] [CASCADE]} for a truncate
 * that names a table {@code ONLY}. Hand-written because jOOQ 3.20's {@code truncate(...)} has no
 * {@code ONLY}; the others are built by jOOQ in {@link DmlStatements}.
 */
final class TruncateSql {
  private TruncateSql() {}

  static String render(SqlContext sql, Truncate truncate) {
    return "TRUNCATE TABLE "
        + truncate.tables().stream()
            .map(t -> (t.only() ? "ONLY " : "") + sql.render(SqlContext.name(t.table())))
            .collect(Collectors.joining(", "))
        + switch (truncate.identity()) {
          case DEFAULT -> "";
          case RESTART -> " RESTART IDENTITY";
          case CONTINUE -> " CONTINUE IDENTITY";
        }
        + (truncate.cascade() ? " CASCADE" : "");
  }
}
