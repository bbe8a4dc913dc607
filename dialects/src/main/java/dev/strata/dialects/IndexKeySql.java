package dev.strata.dialects;

import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.StorageParameter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The keys of an index or a {@code PARTITION BY}, with the clauses jOOQ 3.20 has no form for
 * ({@code COLLATE} on a key, an operator class and its parameters), and {@code WITH (...)} lists of
 * storage parameters, which jOOQ has no form for either. Names are rendered by jOOQ; expressions
 * and parameter values as written. The key order follows PostgreSQL's index_elem: key, {@code
 * COLLATE}, operator class, {@code ASC|DESC}, {@code NULLS FIRST|LAST}.
 */
final class IndexKeySql {
  private final SqlContext sql;
  private final Expressions expressions;

  IndexKeySql(SqlContext sql, Expressions expressions) {
    this.sql = sql;
    this.expressions = expressions;
  }

  /** Whether {@code key} has a clause jOOQ cannot render (a collation or an operator class). */
  static boolean needed(IndexElement key) {
    return key.collation().isPresent() || key.opclass().isPresent();
  }

  /** One key, e.g. {@code name COLLATE "C" text_pattern_ops DESC NULLS LAST}. */
  String key(IndexElement key) {
    StringBuilder out = new StringBuilder(
        key.column().isPresent()
            ? sql.render(SqlContext.name(key.column().get()))
            : "(" + expressions.text(key.expression().get()) + ")");
    key.collation().ifPresent(c -> out.append(" COLLATE ").append(sql.render(SqlContext.name(c))));
    key.opclass().ifPresent(c -> out.append(' ').append(sql.render(SqlContext.name(c))));
    if (!key.opclassParameters().isEmpty()) {
      out.append(' ').append(parameters(key.opclassParameters()));
    }
    out.append(switch (key.order()) {
      case DEFAULT -> "";
      case ASC -> " ASC";
      case DESC -> " DESC";
    });
    out.append(switch (key.nulls()) {
      case DEFAULT -> "";
      case FIRST -> " NULLS FIRST";
      case LAST -> " NULLS LAST";
    });
    return out.toString();
  }

  /** An expression as written (a predicate, a value). */
  String expression(Expr expr) {
    return expressions.text(expr);
  }

  /** The keys, comma-separated in parentheses. */
  String keys(List<IndexElement> keys) {
    return keys.stream().map(this::key).collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code (name = value, ...)}; a parameter without a value as its name alone. */
  String parameters(List<StorageParameter> parameters) {
    return parameters.stream()
        .map(p -> sql.render(SqlContext.name(p.name()))
            + p.value().map(v -> " = " + expressions.text(v)).orElse(""))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code WITH (name = value, ...)}, or empty for no parameters. */
  String with(List<StorageParameter> parameters) {
    return parameters.isEmpty() ? "" : "WITH " + parameters(parameters);
  }
}
