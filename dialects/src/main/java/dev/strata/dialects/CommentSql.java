package dev.strata.dialects;

import dev.strata.grammar.ast.Operation.CommentKind;
import java.util.Optional;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * {@code COMMENT ON} an index, sequence, type, domain, schema, extension, function, procedure,
 * trigger, constraint or policy, hand-written: jOOQ 3.20 builds comments on tables, columns and
 * views only. A function's argument types are written as the revision wrote them.
 */
final class CommentSql {
  private CommentSql() {}

  static String render(
      SqlContext sql,
      CommentKind kind,
      Name object,
      Optional<Name> table,
      Optional<String> arguments,
      Optional<String> text) {
    return "COMMENT ON "
        + kind.keywords()
        + " "
        + sql.render(object)
        + arguments.map(a -> "(" + a + ")").orElse("")
        + table.map(t -> " ON " + sql.render(t)).orElse("")
        + " IS "
        + text.map(t -> sql.render(DSL.inline(t))).orElse("NULL");
  }
}
