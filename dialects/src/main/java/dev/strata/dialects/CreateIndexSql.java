package dev.strata.dialects;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING method]
 * (keys) [INCLUDE (columns)] [NULLS NOT DISTINCT] [WITH (parameters)] [WHERE predicate]}.
 * Hand-written because jOOQ's {@code createIndex} has none of {@code CONCURRENTLY}, {@code ONLY},
 * {@code USING method}, {@code NULLS NOT DISTINCT}, storage parameters, and key collations or
 * operator classes; names and keys are rendered by jOOQ or {@link IndexKeySql}, the predicate as
 * written. Indexes without any of these use jOOQ.
 *
 * @param keys each key already rendered ({@code email}, {@code created_at DESC},
 *     {@code (lower(email))}, {@code name text_pattern_ops})
 * @param with the rendered {@code WITH (...)} clause, or empty
 */
record CreateIndexSql(
    Optional<Name> name,
    Name table,
    boolean only,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    Optional<String> method,
    List<String> keys,
    List<Name> include,
    boolean nullsNotDistinct,
    String with,
    Optional<String> where) {

  String render(SqlContext sql) {
    StringBuilder out = new StringBuilder("CREATE ");
    out.append(unique ? "UNIQUE INDEX " : "INDEX ");
    out.append(concurrently ? "CONCURRENTLY " : "");
    out.append(ifNotExists ? "IF NOT EXISTS " : "");
    name.ifPresent(n -> out.append(sql.render(n)).append(' '));
    out.append("ON ").append(only ? "ONLY " : "").append(sql.render(table));
    method.ifPresent(m -> out.append(" USING ").append(m));
    out.append(" (").append(String.join(", ", keys)).append(')');
    if (!include.isEmpty()) {
      out.append(
          include.stream().map(sql::render).collect(Collectors.joining(", ", " INCLUDE (", ")")));
    }
    out.append(nullsNotDistinct ? " NULLS NOT DISTINCT" : "");
    out.append(with.isEmpty() ? "" : " " + with);
    where.ifPresent(w -> out.append(" WHERE ").append(w));
    return out.toString();
  }
}
