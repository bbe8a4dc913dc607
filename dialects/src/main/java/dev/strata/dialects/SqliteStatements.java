package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The statements SQLite render their own way (for {@link Dialect#SQLITE}), before {@link StatementRenderer}'s
 * shared jOOQ path: empty for a statement the shared path renders correctly for the dialect.
 */
final class SqliteStatements {
  private final Dialect dialect;
  private final SqlContext sql;
  private final Expressions expressions;

  SqliteStatements(Dialect dialect, SqlContext sql, Expressions expressions) {
    this.dialect = dialect;
    this.sql = sql;
    this.expressions = expressions;
  }

  /**
   * The statement's SQL when this dialect renders it its own way, else empty.
   *
   * @param before the schema model right before the statement
   * @throws DiagnosticException (E04xx) when the dialect cannot express the statement
   */
  Optional<List<String>> render(Statement statement, Site site, SchemaModel before)
      throws DiagnosticException {
    return Optional.empty();
  }
}
