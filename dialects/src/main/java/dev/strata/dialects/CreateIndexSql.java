package dev.strata.dialects;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [name] ON t [USING method] (keys)
 * [INCLUDE (columns)] [WHERE predicate]}. Hand-written because jOOQ's {@code createIndex} has
 * neither {@code CONCURRENTLY} nor {@code USING method}; names and keys are rendered by jOOQ, the
 * predicate as written. Indexes without either use jOOQ.
 *
 * @param keys each key already rendered ({@code email}, {@code created_at DESC},
 *     {@code (lower(email))})
 */
record CreateIndexSql(
    Optional<Name> name,
    Name table,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    Optional<String> method,
    List<String> keys,
    List<Name> include,
    Optional<String> where) {

  String render(SqlContext sql) {
    StringBuilder out = new StringBuilder("CREATE ");
    out.append(unique ? "UNIQUE INDEX " : "INDEX ");
    out.append(concurrently ? "CONCURRENTLY " : "");
    out.append(ifNotExists ? "IF NOT EXISTS " : "");
    name.ifPresent(n -> out.append(sql.render(n)).append(' '));
    out.append("ON ").append(sql.render(table));
    method.ifPresent(m -> out.append(" USING ").append(m));
    out.append(" (").append(String.join(", ", keys)).append(')');
    if (!include.isEmpty()) {
      out.append(
          include.stream().map(sql::render).collect(Collectors.joining(", ", " INCLUDE (", ")")));
    }
    where.ifPresent(w -> out.append(" WHERE ").append(w));
    return out.toString();
  }
}
