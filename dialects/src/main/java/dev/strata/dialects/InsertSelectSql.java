package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.ConflictAction;
import dev.strata.grammar.ast.Operation.ConflictKey;
import dev.strata.grammar.ast.Operation.ConflictTarget;
import dev.strata.grammar.ast.Operation.Insert;
import java.util.ArrayList;
import java.util.List;
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

  String render(Insert insert, Site site) throws DiagnosticException {
    Expressions expressions = statements.expressions();
    StringBuilder out = new StringBuilder();
    if (insert.with().isPresent()) {
      out.append(statements.withClause(insert.with().get(), site)).append(' ');
    }
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
      case Operation.InsertSource.Query query -> {
        String select = expressions.insertQuery(query.select(), ObjectName.of(insert.table()),
            insert.columns(), site);
        yield insert.onConflict().isEmpty() || sql.dialect().has(Capability.UPSERT_AFTER_ANY_QUERY)
            ? select
            : "SELECT * FROM (" + select + ") WHERE true";
      }
      case Operation.InsertSource.DefaultValues ignored -> "DEFAULT VALUES";
      case Operation.InsertSource.Values values -> values(values, expressions, site);
    });
    if (insert.onConflict().isPresent()) {
      ObjectName table = ObjectName.of(insert.table());
      onConflict(out, table, insert.onConflict().get(), expressions.in(table, insert.alias()),
          site);
    }
    if (insert.returning().isPresent()) {
      out.append(" RETURNING ").append(expressions.items(insert.returning().get(), site));
    }
    return out.toString();
  }

  private static String values(
      Operation.InsertSource.Values values, Expressions expressions, Site site)
      throws DiagnosticException {
    List<String> rows = new ArrayList<>();
    for (List<Expr> row : values.rows()) {
      List<String> cells = new ArrayList<>();
      for (Expr cell : row) {
        cells.add(expressions.text(cell, site));
      }
      rows.add("(" + String.join(", ", cells) + ")");
    }
    return "VALUES " + String.join(", ", rows);
  }

  private void onConflict(StringBuilder out, ObjectName table, Operation.OnConflict conflict,
      Expressions expressions, Site site)
      throws DiagnosticException {
    out.append(" ON CONFLICT");
    if (conflict.target().isPresent()) {
      switch (conflict.target().get()) {
        case ConflictTarget.Constraint constraint ->
            out.append(" ON CONSTRAINT ").append(sql.render(SqlContext.name(constraint.name())));
        case ConflictTarget.Keys keys -> {
          List<String> keyTexts = new ArrayList<>();
          for (ConflictKey key : keys.keys()) {
            keyTexts.add(switch (key) {
              case ConflictKey.Column column -> sql.render(SqlContext.name(column.column()));
              case ConflictKey.Expression expression -> expressions.text(expression.expression(),
                  site);
            });
          }
          out.append(" (").append(String.join(", ", keyTexts)).append(")");
          if (keys.where().isPresent()) {
            out.append(" WHERE ").append(expressions.conditionText(keys.where().get(), site));
          }
        }
      }
    }
    switch (conflict.action()) {
      case ConflictAction.DoNothing ignored -> out.append(" DO NOTHING");
      case ConflictAction.DoUpdate update -> {
        String set = statements.assignments(expressions, table, update.assignments(), site)
            .entrySet().stream()
            .map(e -> sql.render(e.getKey()) + " = " + sql.render(e.getValue()))
            .collect(Collectors.joining(", "));
        out.append(" DO UPDATE SET ").append(set);
        if (update.where().isPresent()) {
          out.append(" WHERE ").append(expressions.conditionText(update.where().get(), site));
        }
      }
    }
  }
}
