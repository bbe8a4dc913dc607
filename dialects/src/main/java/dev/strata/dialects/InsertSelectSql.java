package dev.strata.dialects;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * {@code INSERT INTO t [(columns)] SELECT ... [ON CONFLICT DO NOTHING]} with the query as written.
 * Hand-written because jOOQ's {@code insertInto(...).select(...)} takes a typed {@code Select}, and
 * the only way to get one from text is to parse and re-render it, which would not emit the query as
 * written.
 */
final class InsertSelectSql {
  private InsertSelectSql() {}

  static String render(
      SqlContext sql, Name table, List<Name> columns, String select, boolean onConflictDoNothing) {
    StringBuilder out = new StringBuilder("INSERT INTO ").append(sql.render(table));
    if (!columns.isEmpty()) {
      out.append(columns.stream().map(sql::render).collect(Collectors.joining(", ", " (", ")")));
    }
    out.append(' ').append(select);
    if (onConflictDoNothing) {
      out.append(" ON CONFLICT DO NOTHING");
    }
    return out.toString();
  }
}
