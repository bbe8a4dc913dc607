package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constraints and indexes: the table constraints of {@code op.create_table}, and
 * {@code op.create_index}, {@code op.drop_index}, {@code op.create_foreign_key},
 * {@code op.create_unique_constraint}, {@code op.create_primary_key},
 * {@code op.create_check_constraint}, {@code op.create_exclude_constraint} and
 * {@code op.drop_constraint}, as SQLAlchemy 1.4 writes them for PostgreSQL. An unnamed constraint
 * stays unnamed, so PostgreSQL names it as it names Alembic's.
 */
final class ConstraintOps {
  private final Names names;
  private final Expressions expressions;

  ConstraintOps(Names names, Expressions expressions) {
    this.names = names;
    this.expressions = expressions;
  }

  /** A {@code UniqueConstraint}, {@code ForeignKeyConstraint} or {@code CheckConstraint} of a table. */
  String tableConstraint(PyExpr.Call call, List<ColumnSpec> cols) {
    String kind = expressions.sqlalchemyName(call);
    return switch (kind) {
      case "UniqueConstraint" -> {
        Args args = new Args(call, "sa.UniqueConstraint", names, "*columns");
        String name = args.objectName("name");
        String timing = Columns.timing(Columns.deferrable(args), Columns.initially(args));
        List<String> columns = new ArrayList<>();
        for (PyExpr column : args.rest()) {
          columns.add(Literals.stringOrNone(column, names, "column of sa.UniqueConstraint"));
        }
        args.ignore("info");
        args.finish();
        yield named(name) + "UNIQUE (" + Sql.idents(columns) + ")" + timing;
      }
      case "CheckConstraint" -> {
        Args args = new Args(call, "sa.CheckConstraint", names, "sqltext", "name", "deferrable",
            "initially");
        String sql = expressions.sqlText(args.required("sqltext"), "sa.CheckConstraint");
        String name = args.objectName("name");
        String timing = Columns.timing(Columns.deferrable(args), Columns.initially(args));
        args.ignore("info");
        args.finish();
        yield named(name) + "CHECK (" + sql + ")" + timing;
      }
      case "ForeignKeyConstraint" -> {
        Args args = new Args(call, "sa.ForeignKeyConstraint", names, "columns", "refcolumns",
            "name", "onupdate", "ondelete", "deferrable", "initially", "use_alter",
            "link_to_name", "match", "table");
        List<String> columns = args.strings("columns");
        List<String> targets = args.strings("refcolumns");
        if (columns.size() != targets.size() || columns.isEmpty()) {
          throw new Refusal(call, "sa.ForeignKeyConstraint with " + columns.size()
              + " columns and " + targets.size() + " referenced columns");
        }
        String schema = null;
        String table = null;
        List<String> referenced = new ArrayList<>();
        for (String target : targets) {
          String[] parts = target.split("\\.");
          if (parts.length < 2) {
            throw new Refusal(call, "referenced column '" + target + "' is not table.column");
          }
          String partTable = parts[parts.length - 2];
          String partSchema = parts.length > 2
              ? String.join(".", java.util.Arrays.copyOf(parts, parts.length - 2)) : null;
          if (table != null && (!table.equals(partTable)
              || !java.util.Objects.equals(schema, partSchema))) {
            throw new Refusal(call, "sa.ForeignKeyConstraint referencing two tables");
          }
          table = partTable;
          schema = partSchema;
          referenced.add(parts[parts.length - 1]);
        }
        String name = args.objectName("name");
        String ondelete = Columns.action(args, "ondelete");
        String onupdate = Columns.action(args, "onupdate");
        String deferrable = Columns.deferrable(args);
        String initially = Columns.initially(args);
        String match = Columns.match(args);
        if (args.bool("use_alter", false)) {
          throw new Refusal(call, "sa.ForeignKeyConstraint with use_alter=True is not translated");
        }
        args.ignore("link_to_name", "info");
        args.finish();
        yield foreignKey(name, columns, schema, table, referenced, match, ondelete, onupdate,
            deferrable, initially);
      }
      default -> throw new Refusal(call, "sa." + kind + " is not translated");
    };
  }

  /** A required index or constraint name ({@link Args#objectName}). */
  private static String requiredName(Args args, String parameter) {
    String name = args.objectName(parameter);
    if (name == null) {
      throw new Refusal(args.call(), args.what() + " without its argument " + parameter);
    }
    return name;
  }

  private static String named(String name) {
    return name == null ? "" : "CONSTRAINT " + Sql.ident(name) + " ";
  }

  /** A foreign key constraint, as SQLAlchemy orders its clauses. */
  String foreignKey(String name, List<String> columns, String schema, String table,
      List<String> referenced, String match, String ondelete, String onupdate,
      String deferrable, String initially) {
    return named(name) + "FOREIGN KEY (" + Sql.idents(columns) + ") REFERENCES "
        + Sql.qualified(schema, table) + " (" + Sql.idents(referenced) + ")"
        + (match == null ? "" : " " + match)
        + (ondelete == null ? "" : " ON DELETE " + ondelete)
        + (onupdate == null ? "" : " ON UPDATE " + onupdate)
        + Columns.timing(deferrable, initially);
  }

  /**
   * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table [USING m] (keys)
   * [INCLUDE (...)] [WHERE ...]}, without the {@code ;}.
   *
   * @param keys the keys as SQL (quoted column names with operator classes, or expressions)
   */
  String createIndex(String name, TableRef table, List<String> keys, boolean unique,
      boolean concurrently, boolean ifNotExists, String using, String where,
      List<String> include) {
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
        + (ifNotExists ? "IF NOT EXISTS " : "") + Sql.ident(name) + " ON " + table.sql()
        + (using == null ? "" : " USING " + using) + " (" + String.join(", ", keys) + ")"
        + (include.isEmpty() ? "" : " INCLUDE (" + Sql.idents(include) + ")")
        + (where == null ? "" : " WHERE " + where);
  }

  /**
   * The index of {@code op.create_index} (or {@code sa.Index} in {@code op.create_table}) from its
   * bound arguments: {@code columns} strings are column names (quoted as SQLAlchemy quotes them),
   * {@code sa.text()} keys are SQL; the {@code postgresql_*} options become clauses.
   */
  private String index(Args args, String name, TableRef table, List<PyExpr> keyExprs) {
    boolean unique = args.bool("unique", false);
    boolean concurrently = args.bool("postgresql_concurrently", false);
    boolean ifNotExists = args.bool("if_not_exists", false);
    String using = args.string("postgresql_using");
    PyExpr whereExpr = args.take("postgresql_where");
    String where = whereExpr == null || whereExpr instanceof PyExpr.NoneLiteral ? null
        : expressions.sqlText(whereExpr, "postgresql_where");
    List<String> include = args.strings("postgresql_include");
    List<String> with = new ArrayList<>();
    PyExpr withExpr = args.take("postgresql_with");
    if (withExpr != null) {
      if (!(Literals.resolve(withExpr, names) instanceof PyExpr.Dict dict)) {
        throw new Refusal(withExpr, "postgresql_with is not a dict literal");
      }
      for (PyExpr.Entry entry : dict.entries()) {
        String key = entry.key() == null ? null
            : Literals.stringOrNone(entry.key(), names, "key of postgresql_with");
        // SQLAlchemy writes each pair as '%s = %s' of the Python values
        String value = switch (Literals.resolve(entry.value(), names)) {
          case PyExpr.Str str -> str.value();
          case PyExpr.Num num -> num.text();
          case PyExpr.Name bare -> throw new Refusal(entry.value(), "value of postgresql_with is"
              + " not a literal");
          case PyExpr.Attribute attribute -> throw new Refusal(entry.value(), "value of"
              + " postgresql_with is not a literal");
          case PyExpr.Call call -> throw new Refusal(entry.value(), "value of postgresql_with is"
              + " not a literal");
          case PyExpr.Bool bool -> throw new Refusal(entry.value(), "postgresql_with value "
              + bool.span().text() + " (SQLAlchemy writes the Python word)");
          case PyExpr.NoneLiteral none -> throw new Refusal(entry.value(), "postgresql_with"
              + " value None");
          case PyExpr.Tuple tuple -> throw new Refusal(entry.value(), "value of postgresql_with"
              + " is not a literal");
          case PyExpr.ListExpr list -> throw new Refusal(entry.value(), "value of postgresql_with"
              + " is not a literal");
          case PyExpr.Dict inner -> throw new Refusal(entry.value(), "value of postgresql_with"
              + " is not a literal");
          case PyExpr.Other other -> throw new Refusal(entry.value(), "value of postgresql_with"
              + " is not a literal");
        };
        if (key == null) {
          throw new Refusal(withExpr, "postgresql_with with ** is not translated");
        }
        with.add(key + " = " + value);
      }
    }
    Map<String, String> ops = new LinkedHashMap<>();
    PyExpr opsExpr = args.take("postgresql_ops");
    if (opsExpr != null) {
      if (!(Literals.resolve(opsExpr, names) instanceof PyExpr.Dict dict)) {
        throw new Refusal(opsExpr, "postgresql_ops is not a dict literal");
      }
      for (PyExpr.Entry entry : dict.entries()) {
        if (entry.key() == null) {
          throw new Refusal(opsExpr, "postgresql_ops with ** is not translated");
        }
        ops.put(Literals.stringOrNone(entry.key(), names, "key of postgresql_ops"),
            Literals.stringOrNone(entry.value(), names, "value of postgresql_ops"));
      }
    }
    TableOps.ignoreOtherDialects(args);
    args.ignore("info", "quote", "_table");
    args.finish();
    List<String> keys = new ArrayList<>();
    String firstColumn = null;
    for (PyExpr key : keyExprs) {
      PyExpr resolved = Literals.resolve(key, names);
      if (resolved instanceof PyExpr.Str str) {
        if (firstColumn == null && keys.isEmpty()) {
          firstColumn = str.value();
        }
        String op = ops.remove(str.value());
        keys.add(Sql.ident(str.value()) + (op == null ? "" : " " + op));
      } else {
        keys.add(expressions.sqlText(key, "index key"));
      }
    }
    if (!ops.isEmpty()) {
      throw new Refusal(opsExpr, "postgresql_ops names '" + ops.keySet().iterator().next()
          + "', which is not a column of the index");
    }
    if (keys.isEmpty()) {
      throw new Refusal(args.call(), "index without columns");
    }
    if (name == null) {
      if (firstColumn == null) {
        throw new Refusal(args.call(), "unnamed index on an expression (SQLAlchemy's naming"
            + " convention needs a column)");
      }
      name = Sql.conventionName("ix_" + table.label() + "_" + firstColumn);
    }
    String sql = createIndex(name, table, keys, unique, concurrently, ifNotExists, using, null,
        include);
    return sql + (with.isEmpty() ? "" : " WITH (" + String.join(", ", with) + ")")
        + (where == null ? "" : " WHERE " + where);
  }

  /** {@code sa.Index(name, *columns, unique=, postgresql_*=)} of {@code op.create_table}. */
  String tableIndex(PyExpr.Call call, TableRef table) {
    Args args = new Args(call, "sa.Index", names, "name", "*expressions");
    String name = args.objectName("name");
    return index(args, name, table, args.rest());
  }

  /** {@code op.create_index(name, table, columns, schema=, unique=, ...)}. */
  void createIndex(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("index_name");
    List<PyExpr> keys = Literals.items(args.required("columns"), names, "columns of create_index");
    out.add(new Unit.Sql(List.of(index(args, name, table, keys) + ";"), false));
  }

  /** {@code op.drop_index(name, table_name=, schema=, if_exists=, postgresql_concurrently=)}. */
  void dropIndex(Args args, String schema, List<Unit.Sql> out) {
    String name = requiredName(args, "index_name");
    boolean concurrently = args.bool("postgresql_concurrently", false);
    boolean ifExists = args.bool("if_exists", false);
    TableOps.ignoreOtherDialects(args);
    args.finish();
    out.add(new Unit.Sql(List.of("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "")
        + (ifExists ? "IF EXISTS " : "") + Sql.qualified(schema, name) + ";"), false));
  }

  /** {@code op.create_foreign_key(...)}; {@code table} is the source table. */
  void createForeignKey(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("constraint_name");
    String referent = args.requiredString("referent_table");
    List<String> local = args.strings("local_cols");
    List<String> remote = args.strings("remote_cols");
    String referentSchema = args.string("referent_schema");
    String ondelete = Columns.action(args, "ondelete");
    String onupdate = Columns.action(args, "onupdate");
    String deferrable = Columns.deferrable(args);
    String initially = Columns.initially(args);
    String match = Columns.match(args);
    String notValid = args.bool("postgresql_not_valid", false) ? " NOT VALID" : "";
    TableOps.ignoreOtherDialects(args);
    args.finish();
    if (local.size() != remote.size() || local.isEmpty()) {
      throw new Refusal(args.call(), "foreign key with " + local.size() + " columns and "
          + remote.size() + " referenced columns");
    }
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD " + foreignKey(name, local,
        referentSchema, referent, remote, match, ondelete, onupdate, deferrable, initially)
        + notValid + ";"), false));
  }

  /** {@code op.create_unique_constraint(name, table, columns, schema=, deferrable=, initially=)}. */
  void createUnique(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("constraint_name");
    List<String> columns = args.strings("columns");
    String timing = Columns.timing(Columns.deferrable(args), Columns.initially(args));
    TableOps.ignoreOtherDialects(args);
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD " + named(name)
        + "UNIQUE (" + Sql.idents(columns) + ")" + timing + ";"), false));
  }

  /** {@code op.create_primary_key(name, table, columns, schema=)}. */
  void createPrimaryKey(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("constraint_name");
    List<String> columns = args.strings("columns");
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD " + named(name)
        + "PRIMARY KEY (" + Sql.idents(columns) + ");"), false));
  }

  /** {@code op.create_check_constraint(name, table, condition, schema=)}. */
  void createCheck(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("constraint_name");
    String condition = expressions.sqlText(args.required("condition"), "condition");
    String timing = Columns.timing(Columns.deferrable(args), Columns.initially(args));
    String notValid = args.bool("postgresql_not_valid", false) ? " NOT VALID" : "";
    TableOps.ignoreOtherDialects(args);
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD " + named(name)
        + "CHECK (" + condition + ")" + timing + notValid + ";"), false));
  }

  /** {@code op.drop_constraint(name, table, type_=, schema=)}. */
  void dropConstraint(Args args, TableRef table, List<Unit.Sql> out) {
    String name = requiredName(args, "constraint_name");
    args.ignore("type_");
    boolean ifExists = args.bool("if_exists", false);
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " DROP CONSTRAINT "
        + (ifExists ? "IF EXISTS " : "") + Sql.ident(name) + ";"), false));
  }

  /**
   * {@code op.create_exclude_constraint(name, table, (column, operator), ..., where=, using=)}:
   * a column is a name or {@code sa.column('name')}, an expression {@code sa.text()}.
   */
  void createExclude(Args args, TableRef table, List<Unit.Sql> out) {
    String name = args.objectName("constraint_name");
    String using = args.string("using");
    PyExpr whereExpr = args.take("where");
    String where = whereExpr == null ? null : expressions.sqlText(whereExpr, "where");
    String timing = Columns.timing(Columns.deferrable(args), Columns.initially(args));
    args.finish();
    List<String> elements = new ArrayList<>();
    for (PyExpr element : args.rest()) {
      List<PyExpr> pair = Literals.items(element, names, "element of create_exclude_constraint");
      if (pair.size() != 2) {
        throw new Refusal(element, "element of create_exclude_constraint is not (column,"
            + " operator)");
      }
      PyExpr column = Literals.resolve(pair.get(0), names);
      String key;
      if (column instanceof PyExpr.Str str) {
        key = Sql.ident(str.value());
      } else if (column instanceof PyExpr.Call call && expressions.isSqlalchemy(call, "column")
          && call.args().size() == 1 && call.keywords().isEmpty()) {
        key = Sql.ident(Literals.stringOrNone(call.args().get(0), names, "sa.column name"));
      } else {
        key = expressions.sqlText(column, "element of create_exclude_constraint");
      }
      String operator = Literals.stringOrNone(pair.get(1), names, "operator");
      elements.add(key + " WITH " + operator);
    }
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD " + named(name)
        + "EXCLUDE" + (using == null ? "" : " USING " + using) + " (" + String.join(", ", elements)
        + ")" + (where == null ? "" : " WHERE (" + where + ")") + timing + ";"), false));
  }
}
