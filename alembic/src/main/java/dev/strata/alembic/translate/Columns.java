package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sa.Column(...)} read into a {@link ColumnSpec}, and written back as the column definition
 * SQLAlchemy 1.4's PostgreSQL dialect writes ({@code get_column_specification}): name, type or
 * {@code SERIAL}, {@code DEFAULT}, generation, identity, {@code NOT NULL}, column checks.
 */
final class Columns {
  private final Names names;
  private final Types types;
  private final Expressions expressions;

  Columns(Names names, Types types, Expressions expressions) {
    this.names = names;
    this.types = types;
    this.expressions = expressions;
  }

  /** Whether {@code expression} is a call of {@code sa.Column}. */
  boolean isColumn(PyExpr expression) {
    return expression instanceof PyExpr.Call call && expressions.isSqlalchemy(call, "Column");
  }

  /** Reads one {@code sa.Column(name, type, *args, **kwargs)}. */
  ColumnSpec parse(PyExpr expression) {
    if (!(expression instanceof PyExpr.Call call) || !isColumn(call)) {
      throw new Refusal(expression, "not an sa.Column: " + Literals.oneLine(expression.span().text()));
    }
    Args args = new Args(call, "sa.Column", names, "*args");
    List<PyExpr> positional = new ArrayList<>(args.rest());
    PyExpr nameArg = args.take("name");
    if (nameArg == null) {
      if (positional.isEmpty()) {
        throw new Refusal(call, "sa.Column without a name");
      }
      nameArg = positional.remove(0);
    }
    String name = Literals.stringOrNone(nameArg, names, "name of sa.Column");
    if (name == null) {
      throw new Refusal(call, "sa.Column without a name");
    }
    PyExpr typeArg = args.take("type_");
    List<PyExpr> items = new ArrayList<>();
    for (PyExpr item : positional) {
      if (item instanceof PyExpr.Call itemCall
          && expressions.isSqlalchemy(itemCall, "ForeignKey", "CheckConstraint", "Identity",
              "Computed", "Sequence", "DefaultClause", "FetchedValue")) {
        items.add(item);
      } else if (typeArg == null) {
        typeArg = item;
      } else {
        throw new Refusal(item, "argument " + Literals.oneLine(item.span().text())
            + " of sa.Column is not translated");
      }
    }
    if (typeArg == null) {
      throw new Refusal(call, "sa.Column '" + name + "' without a type");
    }
    ColumnSpec column = new ColumnSpec(call, name, types.translate(typeArg));
    for (PyExpr item : items) {
      PyExpr.Call itemCall = (PyExpr.Call) item;
      switch (expressions.sqlalchemyName(itemCall)) {
        case "ForeignKey" -> column.foreignKeys.add(foreignKey(itemCall));
        case "CheckConstraint" -> column.checks.add(check(itemCall));
        case "Identity" -> column.identity = identity(itemCall);
        case "Computed" -> column.computed = computed(itemCall);
        default -> throw new Refusal(item, "sa." + expressions.sqlalchemyName(itemCall)
            + " in a column is not translated");
      }
    }
    PyExpr nullable = args.take("nullable");
    if (nullable != null) {
      if (!(nullable instanceof PyExpr.Bool bool)) {
        throw new Refusal(nullable, "nullable= of sa.Column is not True or False");
      }
      column.nullable = bool.value();
    }
    column.primaryKey = args.bool("primary_key", false);
    PyExpr autoincrement = args.take("autoincrement");
    if (autoincrement != null) {
      column.autoincrement = switch (Literals.resolve(autoincrement, names)) {
        case PyExpr.Bool bool -> Boolean.toString(bool.value());
        case PyExpr.Str str when str.value().equals("auto") || str.value().equals("ignore_fk") ->
            str.value();
        default -> throw new Refusal(autoincrement, "autoincrement= of sa.Column is not True,"
            + " False, 'auto' or 'ignore_fk'");
      };
    }
    PyExpr serverDefault = args.take("server_default");
    if (serverDefault != null && !(serverDefault instanceof PyExpr.NoneLiteral)) {
      column.serverDefault = expressions.serverDefault(serverDefault);
    }
    PyExpr pythonDefault = args.take("default");
    column.pythonDefault = pythonDefault != null && !(pythonDefault instanceof PyExpr.NoneLiteral);
    column.unique = args.bool("unique", false);
    column.index = args.bool("index", false);
    column.comment = args.string("comment");
    args.ignore("key", "onupdate", "server_onupdate", "doc", "info", "quote", "system",
        "_proxies");
    args.finish();
    return column;
  }

  /** {@code sa.ForeignKey('[schema.]table.column', name=, ondelete=, onupdate=, ...)}. */
  ColumnSpec.ForeignKeySpec foreignKey(PyExpr.Call call) {
    Args args = new Args(call, "sa.ForeignKey", names, "column", "_constraint", "use_alter",
        "name", "onupdate", "ondelete", "deferrable", "initially", "link_to_name", "match");
    String target = args.requiredString("column");
    String[] parts = target.split("\\.");
    if (parts.length < 2) {
      throw new Refusal(call, "sa.ForeignKey target '" + target + "' is not table.column");
    }
    String column = parts[parts.length - 1];
    String table = parts[parts.length - 2];
    String schema = parts.length > 2
        ? String.join(".", java.util.Arrays.copyOf(parts, parts.length - 2)) : null;
    ColumnSpec.ForeignKeySpec spec = new ColumnSpec.ForeignKeySpec(args.objectName("name"),
        schema, table, column, action(args, "ondelete"), action(args, "onupdate"),
        deferrable(args), initially(args), match(args));
    if (args.bool("use_alter", false)) {
      throw new Refusal(call, "sa.ForeignKey with use_alter=True is not translated");
    }
    args.ignore("link_to_name");
    args.finish();
    return spec;
  }

  /** {@code ondelete=} / {@code onupdate=} as SQL ({@code CASCADE}, {@code SET NULL}), or null. */
  static String action(Args args, String name) {
    String value = args.string(name);
    if (value == null) {
      return null;
    }
    String action = Sql.keyword(value);
    if (!List.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION").contains(action)) {
      throw new Refusal(args.call(), name + "='" + value + "' is not a referential action");
    }
    return action;
  }

  /** {@code deferrable=True/False} as SQL, or null. */
  static String deferrable(Args args) {
    PyExpr value = args.take("deferrable");
    if (value == null || value instanceof PyExpr.NoneLiteral) {
      return null;
    }
    if (value instanceof PyExpr.Bool bool) {
      return bool.value() ? "DEFERRABLE" : "NOT DEFERRABLE";
    }
    throw new Refusal(value, "deferrable= is not True or False");
  }

  /** {@code initially='DEFERRED'} as SQL, or null. */
  static String initially(Args args) {
    String value = args.string("initially");
    return value == null ? null : "INITIALLY " + Sql.keyword(value);
  }

  /** {@code match='FULL'} as SQL, or null. */
  static String match(Args args) {
    String value = args.string("match");
    return value == null ? null : "MATCH " + Sql.keyword(value);
  }

  /** A column-level {@code sa.CheckConstraint(sqltext, name=)}, rendered. */
  private String check(PyExpr.Call call) {
    Args args = new Args(call, "sa.CheckConstraint", names, "sqltext", "name", "deferrable",
        "initially");
    String sql = expressions.sqlText(args.required("sqltext"), "sa.CheckConstraint");
    String name = args.objectName("name");
    String timing = timing(deferrable(args), initially(args));
    args.ignore("info", "_create_rule", "_autoattach", "_type_bound");
    args.finish();
    return (name == null ? "" : "CONSTRAINT " + Sql.ident(name) + " ") + "CHECK (" + sql + ")"
        + timing;
  }

  /** {@code  DEFERRABLE INITIALLY DEFERRED}, or empty. */
  static String timing(String deferrable, String initially) {
    return (deferrable == null ? "" : " " + deferrable) + (initially == null ? "" : " " + initially);
  }

  private String identity(PyExpr.Call call) {
    Args args = new Args(call, "sa.Identity", names, "always", "on_null", "start", "increment",
        "minvalue", "maxvalue", "nominvalue", "nomaxvalue", "cycle", "cache", "order");
    boolean always = args.bool("always", false);
    List<String> options = new ArrayList<>();
    number(args, "increment", "INCREMENT BY", options);
    number(args, "start", "START WITH", options);
    number(args, "minvalue", "MINVALUE", options);
    number(args, "maxvalue", "MAXVALUE", options);
    if (args.bool("nominvalue", false)) {
      options.add("NO MINVALUE");
    }
    if (args.bool("nomaxvalue", false)) {
      options.add("NO MAXVALUE");
    }
    number(args, "cache", "CACHE", options);
    PyExpr cycle = args.take("cycle");
    if (cycle instanceof PyExpr.Bool bool) {
      options.add(bool.value() ? "CYCLE" : "NO CYCLE");
    }
    args.ignore("on_null", "order");
    args.finish();
    return "GENERATED " + (always ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
        + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
  }

  private void number(Args args, String name, String sql, List<String> options) {
    PyExpr value = args.take(name);
    if (value != null && !(value instanceof PyExpr.NoneLiteral)) {
      options.add(sql + " " + Literals.integer(value, names, name + "= of sa.Identity"));
    }
  }

  private String computed(PyExpr.Call call) {
    Args args = new Args(call, "sa.Computed", names, "sqltext", "persisted");
    String sql = expressions.sqlText(args.required("sqltext"), "sa.Computed");
    if (!args.bool("persisted", true)) {
      throw new Refusal(call, "sa.Computed with persisted=False (PostgreSQL has only stored"
          + " generated columns)");
    }
    args.finish();
    return "GENERATED ALWAYS AS (" + sql + ") STORED";
  }

  /**
   * The column definition, as in {@code CREATE TABLE} and {@code ADD COLUMN}.
   *
   * @param serial whether the column is the table's autoincrement column
   */
  String definition(ColumnSpec column, boolean serial) {
    StringBuilder sql = new StringBuilder(Sql.ident(column.name)).append(' ');
    boolean identity = column.identity != null;
    if (serial && !identity && !column.pythonDefault) {
      sql.append(column.type.affinity().serial());
    } else {
      sql.append(column.type.sql());
      if (column.serverDefault != null) {
        sql.append(" DEFAULT ").append(column.serverDefault);
      }
    }
    if (column.computed != null) {
      sql.append(' ').append(column.computed);
    }
    if (identity) {
      sql.append(' ').append(column.identity);
    }
    boolean nullable = column.nullable != null ? column.nullable
        : !column.primaryKey && !identity;
    if (!nullable && !identity) {
      sql.append(" NOT NULL");
    } else if (nullable && identity) {
      sql.append(" NULL");
    }
    for (String check : column.checks) {
      sql.append(' ').append(check);
    }
    return sql.toString();
  }
}
