package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Operation.CommentOn;
import java.util.Optional;
import org.jooq.CommentOnIsStep;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * {@code COMMENT ON ... IS ...}: jOOQ builds the comments on tables, columns, views and
 * materialized views; the other kinds are hand-written ({@link CommentSql}). jOOQ renders {@code
 * IS NULL} as {@code IS ''}, which PostgreSQL treats alike (an empty comment removes it).
 */
final class CommentStatements {
  private final SqlContext sql;
  private final Expressions expressions;

  CommentStatements(SqlContext sql, Expressions expressions) {
    this.sql = sql;
    this.expressions = expressions;
  }

  String comment(CommentOn comment, Site site) throws DiagnosticException {
    Name object = SqlContext.name(comment.object());
    CommentOnIsStep step =
        switch (comment.kind()) {
          case TABLE -> sql.dsl().commentOnTable(object);
          case COLUMN ->
              sql.dsl().commentOnColumn(DSL.name(object, SqlContext.name(comment.column().get())));
          case VIEW -> sql.dsl().commentOnView(object);
          case MATERIALIZED_VIEW -> sql.dsl().commentOnMaterializedView(object);
          case INDEX, SEQUENCE, TYPE, DOMAIN, SCHEMA, EXTENSION, FUNCTION, PROCEDURE, TRIGGER,
              CONSTRAINT, POLICY -> null;
        };
    if (step == null) {
      return CommentSql.render(
          sql,
          comment.kind(),
          object,
          comment.table().map(SqlContext::name),
          comment.arguments().isPresent()
              ? Optional.of(expressions.text(comment.arguments().get(), site))
              : Optional.empty(),
          comment.text());
    }
    return sql.render(step.is(comment.text().orElse("")));
  }
}
