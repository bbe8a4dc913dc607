package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Renders the neutral view statements. jOOQ builds {@code CREATE [OR REPLACE] VIEW v [(columns)] AS
 * query}, a one-view {@code DROP VIEW [IF EXISTS] v} and {@code ALTER VIEW [IF EXISTS] v RENAME
 * TO n}; the query is embedded as written with {@link DSL#raw(String)} (not scanned for bind
 * markers or templates, so it comes out byte for byte). jOOQ 3.20 has no {@code TEMP}, {@code
 * RECURSIVE}, {@code WITH (options)} or check option on {@code createView}, no {@code CASCADE} and
 * only one name on {@code dropView}, and no {@code RENAME COLUMN} or {@code SET SCHEMA} on {@code
 * alterView}: those forms are written by {@link ViewSql}.
 */
final class ViewStatements {
  private final SqlContext sql;
  private final Expressions expressions;

  ViewStatements(SqlContext sql, Expressions expressions) {
    this.sql = sql;
    this.expressions = expressions;
  }

  String create(Operation.CreateView view, Site site) throws DiagnosticException {
    ViewDefinition definition = view.definition();
    Name name = SqlContext.name(view.view());
    Name[] columns = SqlContext.names(definition.columns());
    String query = expressions.viewQuery(definition.query(), site);
    if (view.temporary() || view.recursive() || !definition.options().isEmpty()
        || view.checkOption().isPresent()) {
      return ViewSql.create(sql, view, query);
    }
    var step = view.orReplace()
        ? sql.dsl().createOrReplaceView(name, columns)
        : sql.dsl().createView(name, columns);
    return sql.render(step.as(DSL.raw(query)));
  }

  String drop(Operation.DropView drop) {
    if (drop.views().size() > 1 || drop.cascade()) {
      return ViewSql.drop(sql, drop);
    }
    Name name = SqlContext.name(drop.views().getFirst());
    return sql.render(drop.ifExists() ? sql.dsl().dropViewIfExists(name) : sql.dsl().dropView(name));
  }

  String alter(Operation.AlterView alter) {
    Name name = SqlContext.name(alter.view());
    return switch (alter.change()) {
      case ViewDefinition.Change.RenameTo rename -> sql.render(
          (alter.ifExists() ? sql.dsl().alterViewIfExists(name) : sql.dsl().alterView(name))
              .renameTo(SqlContext.name(rename.name())));
      case ViewDefinition.Change.RenameColumn rename -> ViewSql.alter(sql, alter,
          "RENAME COLUMN " + sql.render(SqlContext.name(rename.from())) + " TO "
              + sql.render(SqlContext.name(rename.to())));
      case ViewDefinition.Change.SetSchema schema -> ViewSql.alter(sql, alter,
          "SET SCHEMA " + sql.render(SqlContext.name(schema.schema())));
    };
  }

  /** Hand-written view statements; see {@link ViewStatements} for why each is not jOOQ's. */
  static final class ViewSql {
    private ViewSql() {}

    static String create(SqlContext sql, Operation.CreateView view, String query) {
      ViewDefinition definition = view.definition();
      StringBuilder out = new StringBuilder("CREATE ");
      out.append(view.orReplace() ? "OR REPLACE " : "");
      out.append(view.temporary() ? "TEMPORARY " : "");
      out.append(view.recursive() ? "RECURSIVE " : "");
      out.append("VIEW ").append(sql.render(SqlContext.name(view.view())));
      if (!definition.columns().isEmpty()) {
        out.append(definition.columns().stream()
            .map(c -> sql.render(SqlContext.name(c)))
            .collect(Collectors.joining(", ", "(", ")")));
      }
      if (!definition.options().isEmpty()) {
        out.append(definition.options().stream()
            .map(o -> o.name() + o.value().map(v -> " = " + v).orElse(""))
            .collect(Collectors.joining(", ", " WITH (", ")")));
      }
      out.append(" AS ").append(query);
      view.checkOption().ifPresent(check -> out.append(" WITH ").append(check.name())
          .append(" CHECK OPTION"));
      return out.toString();
    }

    static String drop(SqlContext sql, Operation.DropView drop) {
      return "DROP VIEW " + (drop.ifExists() ? "IF EXISTS " : "")
          + names(sql, drop.views().stream().map(SqlContext::name).toList())
          + (drop.cascade() ? " CASCADE" : "");
    }

    static String alter(SqlContext sql, Operation.AlterView alter, String change) {
      return "ALTER VIEW " + (alter.ifExists() ? "IF EXISTS " : "")
          + sql.render(SqlContext.name(alter.view())) + " " + change;
    }

    private static String names(SqlContext sql, List<Name> names) {
      return names.stream().map(sql::render).collect(Collectors.joining(", "));
    }
  }
}
