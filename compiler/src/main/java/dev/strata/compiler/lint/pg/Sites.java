package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementLocks;
import dev.strata.compiler.lint.TableLock;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.List;

/**
 * What the rules share: where a name was written (the caret of a finding), the names as SQL, and
 * findings built from a context.
 */
final class Sites {
  private Sites() {}

  /** Where {@code name} was written, else where the statement starts. */
  static Span of(StatementContext context, Identifier name) {
    return name.span().orElse(context.statement().span());
  }

  /**
   * Where {@code name} was written, schema included ({@code billing.payments}), else where the
   * statement starts.
   */
  static Span of(StatementContext context, QualifiedName name) {
    Span last = of(context, name.name());
    if (name.schema().isEmpty() || name.schema().get().span().isEmpty()) {
      return last;
    }
    Span first = name.schema().get().span().get();
    if (first.line() != last.line() || first.column() > last.column()) {
      return last;
    }
    return new Span(first.line(), first.column(), last.column() + last.length() - first.column());
  }

  /** A location in the statement's revision file. */
  static Location at(StatementContext context, Span span) {
    return new Location(context.revision().source(), span);
  }

  /** The name as SQL: {@code payments}, {@code billing.payments}, {@code "Payments"}. */
  static String sql(ObjectName name) {
    return name.display();
  }

  /** A column name as SQL, quoted when needed. */
  static String sql(Identifier column) {
    return ObjectName.quoted(ObjectName.fold(column));
  }

  /**
   * A finding of {@code rule} at {@code span}, with {@code locks} on PostgreSQL only (the other
   * dialects lock differently).
   */
  static Finding finding(StatementContext context, Rule rule, Span span, String message,
      List<TableLock> locks) {
    List<TableLock> shown = context.dialect() == DialectId.POSTGRESQL ? locks : List.of();
    return Finding.of(rule, context.revisionId(), context.dialect(), at(context, span), message,
        shown);
  }

  /**
   * The locks a finding names: on PostgreSQL the statement's own ({@link StatementLocks#of}: every
   * table it locks, the strongest mode per table), else {@code fallback} when strata cannot tell
   * them; none on other dialects.
   */
  static List<TableLock> locks(StatementContext context, List<TableLock> fallback) {
    if (context.dialect() != DialectId.POSTGRESQL) {
      return List.of();
    }
    List<TableLock> known = StatementLocks.of(context);
    return known.isEmpty() ? fallback : known;
  }

  /** One statement's text on one line, whitespace runs collapsed, with its {@code ;}. */
  static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ") + ";";
  }

  /** One lock on one table. */
  static List<TableLock> lock(ObjectName table, LockLevel level, boolean rewrite, boolean scan) {
    return List.of(new TableLock(table, level, rewrite, scan));
  }
}
