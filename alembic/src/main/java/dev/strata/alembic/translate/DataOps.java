package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code op.execute("...")} and {@code op.bulk_insert(table, rows)}. SQL of {@code op.execute}
 * that strata's parser accepts is written as its statements; other SQL goes into a
 * {@code -- +dialect postgresql} block as written. Both keep the text as Alembic's online mode
 * sends it (its offline mode doubles {@code %}).
 */
final class DataOps {
  private final Names names;
  private final Expressions expressions;
  private final Types types;

  /** First words of the statements that end, start or split the script's transaction. */
  private static final java.util.Set<String> TRANSACTION_CONTROL = java.util.Set.of("BEGIN",
      "COMMIT", "ROLLBACK", "END", "START", "ABORT", "SAVEPOINT", "RELEASE");

  DataOps(Names names, Expressions expressions, Types types) {
    this.names = names;
    this.expressions = expressions;
    this.types = types;
  }

  /** {@code op.execute(sql)} with a string or {@code sa.text(string)}. */
  void execute(Args args, List<Unit.Sql> out) {
    PyExpr sqlExpr = args.required("sqltext");
    args.ignore("execution_options");
    args.finish();
    PyExpr resolved = Literals.resolve(sqlExpr, names);
    boolean literal = resolved instanceof PyExpr.Str
        || (resolved instanceof PyExpr.Call call && expressions.isSqlalchemy(call, "text")
            && call.args().size() == 1 && call.keywords().isEmpty()
            && Literals.resolve(call.args().get(0), names) instanceof PyExpr.Str);
    if (!literal) {
      throw new Refusal(sqlExpr, "op.execute with a non-literal argument");
    }
    String sql = expressions.sqlText(sqlExpr, "op.execute SQL");
    String first = sql.strip().split("[\\s;(]+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    if (TRANSACTION_CONTROL.contains(first)) {
      throw new Refusal(sqlExpr, "op.execute(\"" + Literals.oneLine(sql.strip())
          + "\") controls Alembic's transaction (strata runs a statement outside it with"
          + " '-- +no-transaction')");
    }
    StrataSql.Parsed parsed = StrataSql.parse(sql);
    if (parsed.statements() != null) {
      for (Statement statement : parsed.statements()) {
        out.add(new Unit.Sql(lines(statement.text() + ";"), false));
      }
      return;
    }
    String outsideQuotes = sql.replaceAll("(?s)\\$([A-Za-z_][A-Za-z0-9_]*)?\\$.*?\\$\\1\\$", "''")
        .replaceAll("(?s)'(?:[^']|'')*'", "''");
    for (String piece : outsideQuotes.split(";")) {
      // a crude split (bodies and strings taken out first): a wrong cut can only refuse
      String word = piece.strip().split("[\\s(]+", 2)[0].toUpperCase(java.util.Locale.ROOT);
      if (TRANSACTION_CONTROL.contains(word)) {
        throw new Refusal(sqlExpr, "op.execute SQL with " + word + " controls Alembic's"
            + " transaction (strata runs a statement outside it with '-- +no-transaction')");
      }
    }
    List<String> body = new ArrayList<>(lines(sql));
    while (!body.isEmpty() && body.get(0).isBlank()) {
      body.remove(0);
    }
    while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
      body.remove(body.size() - 1);
    }
    if (body.isEmpty()) {
      return;
    }
    int last = body.size() - 1;
    String end = body.get(last).stripTrailing();
    if (end.endsWith(";")) {
      end = end.substring(0, end.length() - 1).stripTrailing();
    }
    body.set(last, end);
    List<String> block = new ArrayList<>();
    block.add("-- +dialect postgresql");
    block.addAll(body);
    block.add("-- +end");
    String problem = StrataSql.blockProblem(String.join("\n", block));
    if (problem != null) {
      throw new Refusal(sqlExpr, "op.execute SQL that strata can neither parse nor hold in a"
          + " '-- +dialect postgresql' block: " + problem);
    }
    out.add(new Unit.Sql(block, false));
  }

  private static List<String> lines(String text) {
    return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
  }

  /** A column of a table given to {@code bulk_insert}: its name and type (null when untyped). */
  private record Column(String name, SqlType type) {}

  /**
   * {@code op.bulk_insert(table, [{...}, ...])}: one {@code INSERT} per row, its columns in the
   * table's order, as Alembic's offline mode writes them.
   *
   * <p>The table is an {@code sa.table(...)} or {@code sa.Table(...)} call, or a name the module
   * or the function bound to one (or to the result of {@code op.create_table(...)}).
   */
  void bulkInsert(Args args, List<Unit.Sql> out) {
    PyExpr tableExpr = args.required("table");
    PyExpr rowsExpr = args.required("rows");
    args.ignore("multiinsert");
    args.finish();
    PyExpr definition = tableExpr;
    if (tableExpr instanceof PyExpr.Name name) {
      definition = names.moduleValue(name.id());
      if (definition == null) {
        throw new Refusal(tableExpr, "bulk_insert into '" + name.id() + "', which is not an"
            + " sa.table() or sa.Table() of the file");
      }
    }
    boolean created = definition instanceof PyExpr.Call createCall
        && "alembic.op.create_table".equals(names.qualified(createCall.function()));
    if (!(definition instanceof PyExpr.Call call) || !(created
        || expressions.isSqlalchemy(call, "table", "Table"))) {
      throw new Refusal(tableExpr, "bulk_insert into " + Literals.oneLine(tableExpr.span().text())
          + ", which is not an sa.table() or sa.Table()");
    }
    boolean lightweight = "table".equals(expressions.sqlalchemyName(call));
    Args tableArgs = lightweight ? new Args(call, "sa.table", names, "name", "*columns")
        : created ? new Args(call, "op.create_table", names, "name", "*columns")
        : new Args(call, "sa.Table", names, "name", "metadata", "*columns");
    tableArgs.ignore("comment");
    String tableName = tableArgs.requiredString("name");
    String schema = tableArgs.string("schema");
    tableArgs.ignore("metadata", "info", "keep_existing", "extend_existing");
    tableArgs.finish();
    Map<String, Column> columns = new LinkedHashMap<>();
    Columns columnReader = new Columns(names, types, expressions);
    for (PyExpr item : tableArgs.rest()) {
      if (item instanceof PyExpr.Call columnCall && expressions.isSqlalchemy(columnCall, "column")) {
        Args columnArgs = new Args(columnCall, "sa.column", names, "text", "type_");
        String columnName = columnArgs.requiredString("text");
        PyExpr type = columnArgs.take("type_");
        columnArgs.ignore("is_literal", "_selectable");
        columnArgs.finish();
        columns.put(columnName, new Column(columnName,
            type == null || type instanceof PyExpr.NoneLiteral ? null : types.translate(type)));
      } else if (columnReader.isColumn(item)) {
        ColumnSpec spec = columnReader.parse(item);
        columns.put(spec.name, new Column(spec.name, spec.type));
      } else if (!lightweight && item instanceof PyExpr.Call other
          && expressions.isSqlalchemy(other, "PrimaryKeyConstraint", "UniqueConstraint",
              "ForeignKeyConstraint", "CheckConstraint", "Index")) {
        continue;
      } else {
        throw new Refusal(item, "column " + Literals.oneLine(item.span().text())
            + " of the bulk_insert table is not translated");
      }
    }
    String target = Sql.qualified(schema, tableName);
    for (PyExpr row : Literals.items(rowsExpr, names, "rows of bulk_insert")) {
      if (!(Literals.resolve(row, names) instanceof PyExpr.Dict dict)) {
        throw new Refusal(row, "row of bulk_insert is not a dict literal: "
            + Literals.oneLine(row.span().text()));
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (PyExpr.Entry entry : dict.entries()) {
        if (entry.key() == null) {
          throw new Refusal(row, "row of bulk_insert with ** is not translated");
        }
        String key = Literals.stringOrNone(entry.key(), names, "key of a bulk_insert row");
        Column column = columns.get(key);
        if (column == null) {
          throw new Refusal(entry.key(), "bulk_insert row names '" + key
              + "', which is not a column of the table");
        }
        values.put(key, value(entry.value(), column));
      }
      List<String> ordered = new ArrayList<>();
      List<String> sqlValues = new ArrayList<>();
      for (String name : columns.keySet()) {
        if (values.containsKey(name)) {
          ordered.add(name);
          sqlValues.add(values.get(name));
        }
      }
      out.add(new Unit.Sql(List.of(ordered.isEmpty()
          ? "INSERT INTO " + target + " DEFAULT VALUES;"
          : "INSERT INTO " + target + " (" + Sql.idents(ordered) + ") VALUES ("
              + String.join(", ", sqlValues) + ");"), false));
    }
  }

  /** One value of a row, as the database receives it bound to the column's type. */
  private String value(PyExpr expression, Column column) {
    PyExpr value = Literals.resolve(expression, names);
    String type = column.type() == null ? null : column.type().sql();
    if (type != null && (type.startsWith("JSON") || type.endsWith("]"))) {
      throw new Refusal(expression, "bulk_insert value for the " + type + " column '"
          + column.name() + "' (SQLAlchemy serialises it in Python)");
    }
    return switch (value) {
      case PyExpr.NoneLiteral none -> "NULL";
      case PyExpr.Str str -> Sql.literal(str.value());
      case PyExpr.Num num -> num.text();
      case PyExpr.Bool bool -> bool.value() ? "true" : "false";
      default -> throw new Refusal(expression, "bulk_insert value "
          + Literals.oneLine(expression.span().text()) + " is not a literal");
    };
  }
}
