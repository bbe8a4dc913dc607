package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.StorageParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of an index or a {@code PARTITION BY}, with the clauses jOOQ 3.20 has no form for
 * ({@code COLLATE} on a key, an operator class and its parameters), and {@code WITH (...)} lists of
 * storage parameters, which jOOQ has no form for either. Names are rendered by jOOQ; expressions
 * and parameter values by {@link Expressions} (as written for PostgreSQL). The key order follows PostgreSQL's index_elem: key, {@code
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

  /**
   * One key, e.g. {@code name COLLATE "C" text_pattern_ops DESC NULLS LAST}.
   *
   * @throws DiagnosticException when an expression key cannot be translated ({@link Expressions})
   */
  String key(IndexElement key, Site site) throws DiagnosticException {
    StringBuilder out = new StringBuilder(
        key.column().isPresent()
            ? sql.render(SqlContext.name(key.column().get()))
            : "(" + expressions.text(key.expression().get(), site) + ")");
    key.collation().ifPresent(c -> out.append(" COLLATE ").append(sql.render(SqlContext.name(c))));
    key.opclass().ifPresent(c -> out.append(' ').append(sql.render(SqlContext.name(c))));
    if (!key.opclassParameters().isEmpty()) {
      out.append(' ').append(parameters(key.opclassParameters(), site));
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

  /** A predicate for this dialect ({@link Expressions#conditionText}). */
  String predicate(Expr expr, Site site) throws DiagnosticException {
    return expressions.conditionText(expr, site);
  }

  /** The keys, comma-separated in parentheses. */
  String keys(List<IndexElement> keys, Site site) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (IndexElement key : keys) {
      out.add(key(key, site));
    }
    return "(" + String.join(", ", out) + ")";
  }

  /** {@code (name = value, ...)}; a parameter without a value as its name alone. */
  String parameters(List<StorageParameter> parameters, Site site) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (StorageParameter p : parameters) {
      out.add(sql.render(SqlContext.name(p.name()))
          + (p.value().isPresent() ? " = " + expressions.text(p.value().get(), site) : ""));
    }
    return "(" + String.join(", ", out) + ")";
  }

  /** {@code WITH (name = value, ...)}, or empty for no parameters. */
  String with(List<StorageParameter> parameters, Site site) throws DiagnosticException {
    return parameters.isEmpty() ? "" : "WITH " + parameters(parameters, site);
  }
}
