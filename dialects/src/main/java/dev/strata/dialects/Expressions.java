package dev.strata.dialects;

import dev.strata.grammar.ast.Expr;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Turns the revision language's expressions ({@link Expr}: defaults, checks, {@code WHERE},
 * {@code USING}, values) into jOOQ parts for one dialect.
 *
 * <p>For a dialect that {@link Capability#EXPRESSIONS_AS_WRITTEN accepts them as written}
 * (PostgreSQL) the text is embedded verbatim with {@link DSL#raw(String)}: unlike the plain-SQL
 * templates {@code DSL.field(String)} and {@code DSL.condition(String)}, raw SQL is not scanned for
 * bind markers ({@code ?}, {@code :name}) or template placeholders ({@code {0}}), so
 * {@code data ? 'key'} and {@code '{}'::jsonb} come out unchanged. Line breaks are normalised to LF.
 *
 * <p>Other dialects will translate here, through jOOQ's parser ({@code dsl.parser()}), in
 * {@link #translated}; this is the only place that has to change.
 */
final class Expressions {
  private final Dialect dialect;

  Expressions(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The expression as SQL text for this dialect. */
  String text(Expr expr) {
    String sql = expr.sql().replace("\r\n", "\n").replace('\r', '\n');
    return dialect.has(Capability.EXPRESSIONS_AS_WRITTEN) ? sql : translated(sql);
  }

  /** The expression as an untyped field. */
  Field<Object> field(Expr expr) {
    return DSL.field(DSL.raw(text(expr)));
  }

  /** The expression as a field of {@code type} (no cast is rendered). */
  <T> Field<T> field(Expr expr, DataType<T> type) {
    return DSL.field(DSL.raw(text(expr)), type);
  }

  /**
   * The expression as a condition, rendered without the extra parentheses that
   * {@code DSL.condition(SQL)} adds ({@code CHECK (amount > 0)}, not {@code CHECK ((amount > 0))}).
   */
  Condition condition(Expr expr) {
    return DSL.condition(field(expr, SQLDataType.BOOLEAN));
  }

  /** Whether the expression spans several lines (see {@link SqlContext#renderFormatted}). */
  static boolean multiline(Expr expr) {
    return expr.sql().indexOf('\n') >= 0 || expr.sql().indexOf('\r') >= 0;
  }

  private String translated(String sql) {
    // The seam for MySQL and SQLite: parse with dsl.parser().parseField(sql) and render it for the
    // target dialect, reporting E04xx where jOOQ cannot translate. No such dialect exists yet.
    throw new IllegalStateException("no expression translation for " + dialect.id() + ": " + sql);
  }
}
