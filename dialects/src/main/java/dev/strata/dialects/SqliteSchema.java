package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaModel} as the SQLite script that creates it on an empty database ({@code strata
 * schema REV --dialect sqlite}), for {@link SchemaScript}: the dialect's directives, the header
 * lines as comments, then in one transaction every table with all its constraints (SQLite adds no
 * constraint to an existing table, and resolves a foreign key's table only when it is used, so the
 * order of tables does not matter), every index and every view, each rendered as a revision's
 * statement is for SQLite ({@link SqliteStatements}, {@link SqliteTables}: enum columns are {@code
 * TEXT} with a {@code CHECK}, identity columns {@code INTEGER PRIMARY KEY AUTOINCREMENT}).
 *
 * <p>What the model holds and SQLite has no place for (schemas, extensions, sequences, routines,
 * triggers, materialized views, comments) is listed in a comment at the top, never left out
 * silently; so are the {@code -- +dialect} blocks the model could not follow.
 */
final class SqliteSchema {
  private static final SourceFile SOURCE = new SourceFile("<schema>", "");
  private static final Span START = new Span(1, 1, 1);

  private final Dialect dialect;
  private final SqlContext sql;
  private final StatementRenderer statements;

  SqliteSchema(Dialect dialect, SqlContext sql, StatementRenderer statements) {
    this.dialect = dialect;
    this.sql = sql;
    this.statements = statements;
  }

  /** The whole script; see {@link SchemaScript#render}. */
  String render(SchemaModel model, List<String> header) throws DiagnosticException {
    StringBuilder out = new StringBuilder();
    dialect.clientDirectives().forEach(line -> out.append(line).append('\n'));
    header.forEach(line -> out.append(line.isEmpty() ? "--" : "-- " + line).append('\n'));
    out.append(leftOut(model));
    out.append("\nBEGIN;\n\n");
    for (String statement : statements(model)) {
      out.append(statement).append(";\n\n");
    }
    out.append("COMMIT;\n");
    return out.toString();
  }

  /** The statements of {@link #render}, each without {@code ;}. */
  List<String> statements(SchemaModel model) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    Site site = new Site(SOURCE, START);
    for (Table table : model.tables().values()) {
      if (table.partitionOf().isPresent()) {
        throw SqliteStatements.refuse(site, "the partition " + table.name().display(),
            "SQLite has no partitioned tables");
      }
      out.add(new SqliteTableSql(sql, new Expressions(dialect, sql).in(table.name()), model)
          .createTable(
          SqliteTables.fromModel(table, ModelOperations.name(table.name()), site), site));
    }
    for (Index index : model.indexes().values()) {
      out.addAll(render(ModelOperations.index(index), model));
    }
    for (View view : model.views().values()) {
      if (!view.materialized()) {
        out.addAll(render(ModelOperations.view(view), model));
      }
    }
    return out;
  }

  private List<String> render(Operation operation, SchemaModel model) throws DiagnosticException {
    return statements.render(new Statement(operation, false, START, ""), SOURCE, model, model);
  }

  /**
   * The comment naming what the model holds that this script leaves out, then the model's
   * warnings ({@link SchemaScript#modelWarnings}); or nothing.
   */
  private static String leftOut(SchemaModel model) {
    List<String> lines = new ArrayList<>();
    model.schemas().keySet().forEach(s -> lines.add("schema " + s));
    model.extensions().keySet().forEach(e -> lines.add("extension " + e));
    model.sequences().values().forEach(s -> lines.add("sequence " + s.name().display()));
    model.routines().values().forEach(r -> lines.add("routine " + r.signature()));
    model.triggers().values().forEach(t -> lines.add("trigger " + t.name() + " on "
        + t.table().display()));
    model.views().values().stream().filter(View::materialized)
        .forEach(v -> lines.add("materialized view " + v.name().display()));
    long comments = model.types().values().stream().filter(t -> t.comment().isPresent()).count()
        + model.sequences().values().stream().filter(s -> s.comment().isPresent()).count()
        + model.indexes().values().stream().filter(i -> i.comment().isPresent()).count()
        + model.views().values().stream().filter(v -> v.comment().isPresent()).count();
    for (Table table : model.tables().values()) {
      comments += table.comment().isPresent() ? 1 : 0;
      comments += table.columns().stream().map(Column::comment).filter(c -> c.isPresent()).count();
    }
    if (comments > 0) {
      lines.add(comments + (comments == 1 ? " comment" : " comments"));
    }
    StringBuilder out = new StringBuilder();
    if (!lines.isEmpty()) {
      out.append("--\n-- NOTE: SQLite has no place for these objects of the schema model,"
          + " which this script leaves out:\n");
      lines.forEach(line -> out.append("--   ").append(line).append('\n'));
    }
    out.append(SchemaScript.modelWarnings(model));
    return out.toString();
  }
}
