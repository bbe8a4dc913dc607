package dev.strata.dialects;

import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.ConflictAction;
import dev.strata.grammar.ast.Operation.ConflictKey;
import dev.strata.grammar.ast.Operation.ConflictTarget;
import dev.strata.grammar.ast.Operation.Insert;
import java.util.stream.Collectors;

/**
 * {@code [WITH ...] INSERT INTO t [AS alias] [(columns)] [OVERRIDING ... VALUE] source [ON CONFLICT
 * ...] [RETURNING ...]} where the source is a query as written, or with {@code OVERRIDING}.
 * Hand-written because jOOQ's {@code insertInto(...).select(...)} takes a typed {@code Select}, and
 * the only way to get one from text is to parse and re-render it, which would not emit the query as
 * written; and jOOQ 3.20 has no {@code OVERRIDING} clause. Names, the {@code WITH} queries and the
 * {@code SET} items are still rendered by jOOQ.
 */
final class InsertSelectSql {
  private final SqlContext sql;
  private final DmlStatements statements;

  InsertSelectSql(SqlContext sql, DmlStatements statements) {
    this.sql = sql;
    this.statements = statements;
  }

  String render(Insert insert) {
    StringBuilder out = new StringBuilder();
    insert.with().ifPresent(with -> out.append(statements.withClause(with)).append(' '));
    out.append("INSERT INTO ").append(sql.render(SqlContext.name(insert.table())));
    insert.alias().ifPresent(alias -> out.append(" AS ").append(sql.render(SqlContext.name(alias))));
    if (!insert.columns().isEmpty()) {
      out.append(insert.columns().stream()
          .map(c -> sql.render(SqlContext.name(c)))
          .collect(Collectors.joining(", ", " (", ")")));
    }
    insert.overriding().ifPresent(overriding -> out.append(switch (overriding) {
      case SYSTEM_VALUE -> " OVERRIDING SYSTEM VALUE";
      case USER_VALUE -> " OVERRIDING USER VALUE";
    }));
    out.append(' ').append(switch (insert.source()) {
      case Operation.InsertSource.Query query -> text(query.select());
      case Operation.InsertSource.DefaultValues ignored -> "DEFAULT VALUES";
      case Operation.InsertSource.Values values -> values.rows().stream()
          .map(row -> row.stream().map(this::text).collect(Collectors.joining(", ", "(", ")")))
          .collect(Collectors.joining(", ", "VALUES ", ""));
    });
    insert.onConflict().ifPresent(conflict -> onConflict(out, conflict));
    insert.returning().ifPresent(items -> out.append(" RETURNING ").append(text(items)));
    return out.toString();
  }

  private void onConflict(StringBuilder out, Operation.OnConflict conflict) {
    out.append(" ON CONFLICT");
    conflict.target().ifPresent(target -> {
      switch (target) {
        case ConflictTarget.Constraint constraint ->
            out.append(" ON CONSTRAINT ").append(sql.render(SqlContext.name(constraint.name())));
        case ConflictTarget.Keys keys -> {
          out.append(keys.keys().stream()
              .map(key -> switch (key) {
                case ConflictKey.Column column -> sql.render(SqlContext.name(column.column()));
                case ConflictKey.Expression expression -> text(expression.expression());
              })
              .collect(Collectors.joining(", ", " (", ")")));
          keys.where().ifPresent(where -> out.append(" WHERE ").append(text(where)));
        }
      }
    });
    switch (conflict.action()) {
      case ConflictAction.DoNothing ignored -> out.append(" DO NOTHING");
      case ConflictAction.DoUpdate update -> {
        out.append(" DO UPDATE SET ").append(statements.assignments(update.assignments())
            .entrySet().stream()
            .map(e -> sql.render(e.getKey()) + " = " + sql.render(e.getValue()))
            .collect(Collectors.joining(", ")));
        update.where().ifPresent(where -> out.append(" WHERE ").append(text(where)));
      }
    }
  }

  private String text(Expr expr) {
    return statements.text(expr);
  }
}
