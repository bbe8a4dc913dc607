package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement's SQL in one dialect, exactly as the scripts render it (the same {@code
 * StatementRenderer}), for the lint rules that speak about what the DBA gets ({@code
 * dev.strata.dialects.lint}): MySQL's {@code ALTER TABLE} statements, SQLite's table rebuilds.
 */
public final class StatementSql {
  private final StatementRenderer renderer;

  private StatementSql(Dialect dialect) {
    this.renderer = new StatementRenderer(dialect, SqlContext.forDialect(dialect));
  }

  /** The renderer of {@code dialect}'s statements. */
  public static StatementSql forDialect(Dialect dialect) {
    return new StatementSql(Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * The statements {@code statement} renders to, each without its {@code ;}, from the schema
   * models just before and after it.
   *
   * @throws DiagnosticException (E04xx) when the statement cannot be rendered for the dialect
   */
  public List<String> render(Statement statement, SourceFile source, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    return renderer.render(statement, source, before, after);
  }

  /**
   * The table a rendered SQLite statement rebuilds, when it is the first statement of a table
   * rebuild (SQLite's 12-step procedure, as {@code SqliteRebuild} writes it), as the rebuild's
   * marker comment names it ({@code payments}, {@code "Users"}).
   */
  public static Optional<String> rebuiltTable(String rendered) {
    if (!SqliteRebuild.marks(rendered)) {
      return Optional.empty();
    }
    String rest = rendered.substring(SqliteRebuild.MARKER.length());
    int end = rest.indexOf(" (SQLite's");
    int eol = rest.indexOf('\n');
    return Optional.of(rest.substring(0, end >= 0 ? end : eol >= 0 ? eol : rest.length()));
  }
}
